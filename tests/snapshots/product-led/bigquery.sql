WITH `t11` AS (
  SELECT
    `t8`.`person_id`,
    `t8`.`event`,
    `t8`.`ts`,
    `t8`.`event_id`,
    `t8`.`progress`,
    `t8`.`feature`,
    `t8`.`integration_type`,
    `t8`.`logged_in`,
    `t8`.`duration_s`,
    `t8`.`features_used`,
    `t8`.`ts_s`,
    `t5`.`created_s`
  FROM (
    SELECT
      `t2`.`person_id`,
      `t2`.`event`,
      `t2`.`ts`,
      `t2`.`event_id`,
      `t2`.`progress`,
      `t2`.`feature`,
      `t2`.`integration_type`,
      `t2`.`logged_in`,
      `t2`.`duration_s`,
      `t2`.`features_used`,
      CAST(UNIX_SECONDS(`t2`.`ts`) AS FLOAT64) AS `ts_s`
    FROM `events` AS `t2`
    WHERE
      `t2`.`person_id` IS NOT NULL
      AND `t2`.`event` IS NOT NULL
      AND `t2`.`ts` IS NOT NULL
      AND `t2`.`ts` <= DATETIME('2026-03-01T12:00:00')
  ) AS `t8`
  INNER JOIN (
    SELECT
      `t0`.`person_id`,
      CAST(UNIX_SECONDS(`t0`.`created_at`) AS FLOAT64) AS `created_s`
    FROM `people` AS `t0`
    WHERE
      `t0`.`person_id` IS NOT NULL
      AND (
        (
          `t0`.`created_at` IS NULL
        )
        OR (
          `t0`.`created_at` <= DATETIME('2026-03-01T12:00:00')
        )
      )
  ) AS `t5`
    ON `t8`.`person_id` = `t5`.`person_id`
)
SELECT
  `t34`.`person_id`,
  `t34`.`account_id`,
  `t34`.`fit`,
  `t34`.`behavior`,
  `t34`.`total`,
  CASE
    WHEN TRUE
    AND COALESCE(`t34`.`total` >= 80.0, FALSE)
    AND COALESCE(`t34`.`fit` >= 15.0, FALSE)
    AND COALESCE(`t34`.`behavior` >= 40.0, FALSE)
    THEN 'PQL'
    ELSE CAST(NULL AS STRING)
  END AS `status`,
  CASE
    WHEN `t34`.`fit` >= 35.0
    THEN 'strong'
    WHEN `t34`.`fit` >= 20.0
    THEN 'moderate'
    ELSE 'weak'
  END AS `fit_tier`,
  CASE
    WHEN `t34`.`behavior` >= 60.0
    THEN 'high'
    WHEN `t34`.`behavior` >= 30.0
    THEN 'medium'
    ELSE 'low'
  END AS `intent_tier`,
  CONCAT(
    CASE
      WHEN CASE WHEN `t34`.`fit` >= 35.0 THEN 0 WHEN `t34`.`fit` >= 20.0 THEN 1 ELSE 2 END = 0
      THEN 'A'
      WHEN CASE WHEN `t34`.`fit` >= 35.0 THEN 0 WHEN `t34`.`fit` >= 20.0 THEN 1 ELSE 2 END = 1
      THEN 'B'
      WHEN CASE WHEN `t34`.`fit` >= 35.0 THEN 0 WHEN `t34`.`fit` >= 20.0 THEN 1 ELSE 2 END = 2
      THEN 'C'
      ELSE CAST(NULL AS STRING)
    END,
    CAST(CASE
      WHEN `t34`.`behavior` >= 60.0
      THEN 0
      WHEN `t34`.`behavior` >= 30.0
      THEN 1
      ELSE 2
    END + 1 AS STRING)
  ) AS `matrix`,
  DATETIME('2026-03-01T12:00:00') AS `score_date`,
  '39cd35e009fd30a7' AS `logic_hash`,
  `t34`.`created_at`,
  `t34`.`email_domain`,
  `t34`.`email`,
  `t34`.`title`,
  `t34`.`plan`,
  `t34`.`country`,
  `t34`.`account__name`,
  `t34`.`account__domain`,
  `t34`.`account__employees`,
  `t34`.`account__industry`,
  `t34`.`account__country`,
  `t34`.`account__tech_stack`,
  `t34`.`fit__company_size`,
  `t34`.`fit__industry`,
  `t34`.`fit__seniority`,
  `t34`.`fit__tech_stack`,
  `t34`.`fit__geography`,
  `t34`.`fit__competitor`,
  `t34`.`fit__personal_email`,
  `t34`.`fit__student`,
  `t34`.`fitcase__company_size`,
  `t34`.`fv__company_size`,
  `t34`.`fitcase__industry`,
  `t34`.`fv__industry`,
  `t34`.`fitcase__seniority`,
  `t34`.`fv__seniority`,
  `t34`.`fitcase__tech_stack`,
  `t34`.`fv__tech_stack`,
  `t34`.`fitcase__geography`,
  `t34`.`fv__geography`,
  `t34`.`fitcase__competitor`,
  `t34`.`fv__competitor`,
  `t34`.`fitcase__personal_email`,
  `t34`.`fv__personal_email`,
  `t34`.`fitcase__student`,
  `t34`.`fv__student`,
  `t34`.`fit_rules`,
  `t34`.`m__onboarding`,
  `t34`.`last__onboarding`,
  `t34`.`m__core_feature`,
  `t34`.`last__core_feature`,
  `t34`.`m__integration`,
  `t34`.`last__integration`,
  `t34`.`m__invites`,
  `t34`.`last__invites`,
  `t34`.`m__pricing_logged_in`,
  `t34`.`last__pricing_logged_in`,
  `t34`.`m__pricing_anonymous`,
  `t34`.`last__pricing_anonymous`,
  `t34`.`m__checkout`,
  `t34`.`last__checkout`,
  `t34`.`m__premium_feature`,
  `t34`.`last__premium_feature`,
  `t34`.`m__export`,
  `t34`.`last__export`,
  `t34`.`m__logins_week_one`,
  `t34`.`last__logins_week_one`,
  `t34`.`m__session_depth`,
  `t34`.`last__session_depth`,
  `t34`.`act__inactive`,
  `t34`.`m__unsubscribed`,
  `t34`.`last__unsubscribed`,
  `t34`.`m__downgraded`,
  `t34`.`last__downgraded`,
  `t34`.`m__high_intent_7d`,
  `t34`.`last__high_intent_7d`,
  `t34`.`last_activity`,
  `t34`.`vf__burst`,
  `t34`.`vend__burst`,
  `t34`.`pts__onboarding`,
  `t34`.`pts__core_feature`,
  `t34`.`pts__integration`,
  `t34`.`pts__invites`,
  `t34`.`pts__pricing_logged_in`,
  `t34`.`pts__pricing_anonymous`,
  `t34`.`pts__checkout`,
  `t34`.`pts__premium_feature`,
  `t34`.`pts__export`,
  `t34`.`pts__logins_week_one`,
  `t34`.`pts__session_depth`,
  `t34`.`pts__inactive`,
  `t34`.`pts__unsubscribed`,
  `t34`.`pts__downgraded`,
  `t34`.`grp__onboarding`,
  `t34`.`grp__core_feature`,
  `t34`.`grp__integration`,
  `t34`.`grp__invites`,
  `t34`.`grp__pricing_logged_in`,
  `t34`.`grp__pricing_anonymous`,
  `t34`.`grp__checkout`,
  `t34`.`grp__premium_feature`,
  `t34`.`grp__export`,
  `t34`.`grp__logins_week_one`,
  `t34`.`grp__session_depth`,
  `t34`.`grp__inactive`,
  `t34`.`grp__unsubscribed`,
  `t34`.`grp__downgraded`,
  `t34`.`b__onboarding`,
  `t34`.`b__core_feature`,
  `t34`.`b__integration`,
  `t34`.`b__invites`,
  `t34`.`b__pricing_logged_in`,
  `t34`.`b__pricing_anonymous`,
  `t34`.`b__checkout`,
  `t34`.`b__premium_feature`,
  `t34`.`b__export`,
  `t34`.`b__logins_week_one`,
  `t34`.`b__session_depth`,
  `t34`.`b__inactive`,
  `t34`.`b__unsubscribed`,
  `t34`.`b__downgraded`,
  `t34`.`v__burst`,
  `t34`.`behavior_rules`,
  `t34`.`behavior_capped`,
  `t34`.`behavior_raw`,
  `t34`.`inactive_days`,
  `t34`.`decay_periods`,
  `t34`.`behavior_decayed`,
  COALESCE(`t34`.`total` >= 80.0, FALSE) AS `cond__0__0`,
  COALESCE(`t34`.`fit` >= 15.0, FALSE) AS `cond__0__1`,
  COALESCE(`t34`.`behavior` >= 40.0, FALSE) AS `cond__0__2`,
  TRUE
  AND COALESCE(`t34`.`total` >= 80.0, FALSE)
  AND COALESCE(`t34`.`fit` >= 15.0, FALSE)
  AND COALESCE(`t34`.`behavior` >= 40.0, FALSE) AS `is__0`
FROM (
  SELECT
    `t33`.`person_id`,
    `t33`.`account_id`,
    `t33`.`created_at`,
    `t33`.`email_domain`,
    `t33`.`email`,
    `t33`.`title`,
    `t33`.`plan`,
    `t33`.`country`,
    `t33`.`account__name`,
    `t33`.`account__domain`,
    `t33`.`account__employees`,
    `t33`.`account__industry`,
    `t33`.`account__country`,
    `t33`.`account__tech_stack`,
    `t33`.`fit__company_size`,
    `t33`.`fit__industry`,
    `t33`.`fit__seniority`,
    `t33`.`fit__tech_stack`,
    `t33`.`fit__geography`,
    `t33`.`fit__competitor`,
    `t33`.`fit__personal_email`,
    `t33`.`fit__student`,
    `t33`.`fitcase__company_size`,
    `t33`.`fv__company_size`,
    `t33`.`fitcase__industry`,
    `t33`.`fv__industry`,
    `t33`.`fitcase__seniority`,
    `t33`.`fv__seniority`,
    `t33`.`fitcase__tech_stack`,
    `t33`.`fv__tech_stack`,
    `t33`.`fitcase__geography`,
    `t33`.`fv__geography`,
    `t33`.`fitcase__competitor`,
    `t33`.`fv__competitor`,
    `t33`.`fitcase__personal_email`,
    `t33`.`fv__personal_email`,
    `t33`.`fitcase__student`,
    `t33`.`fv__student`,
    `t33`.`fit_rules`,
    `t33`.`fit`,
    `t33`.`m__onboarding`,
    `t33`.`last__onboarding`,
    `t33`.`m__core_feature`,
    `t33`.`last__core_feature`,
    `t33`.`m__integration`,
    `t33`.`last__integration`,
    `t33`.`m__invites`,
    `t33`.`last__invites`,
    `t33`.`m__pricing_logged_in`,
    `t33`.`last__pricing_logged_in`,
    `t33`.`m__pricing_anonymous`,
    `t33`.`last__pricing_anonymous`,
    `t33`.`m__checkout`,
    `t33`.`last__checkout`,
    `t33`.`m__premium_feature`,
    `t33`.`last__premium_feature`,
    `t33`.`m__export`,
    `t33`.`last__export`,
    `t33`.`m__logins_week_one`,
    `t33`.`last__logins_week_one`,
    `t33`.`m__session_depth`,
    `t33`.`last__session_depth`,
    `t33`.`act__inactive`,
    `t33`.`m__unsubscribed`,
    `t33`.`last__unsubscribed`,
    `t33`.`m__downgraded`,
    `t33`.`last__downgraded`,
    `t33`.`m__high_intent_7d`,
    `t33`.`last__high_intent_7d`,
    `t33`.`last_activity`,
    `t33`.`vf__burst`,
    `t33`.`vend__burst`,
    `t33`.`pts__onboarding`,
    `t33`.`pts__core_feature`,
    `t33`.`pts__integration`,
    `t33`.`pts__invites`,
    `t33`.`pts__pricing_logged_in`,
    `t33`.`pts__pricing_anonymous`,
    `t33`.`pts__checkout`,
    `t33`.`pts__premium_feature`,
    `t33`.`pts__export`,
    `t33`.`pts__logins_week_one`,
    `t33`.`pts__session_depth`,
    `t33`.`pts__inactive`,
    `t33`.`pts__unsubscribed`,
    `t33`.`pts__downgraded`,
    `t33`.`grp__onboarding`,
    `t33`.`grp__core_feature`,
    `t33`.`grp__integration`,
    `t33`.`grp__invites`,
    `t33`.`grp__pricing_logged_in`,
    `t33`.`grp__pricing_anonymous`,
    `t33`.`grp__checkout`,
    `t33`.`grp__premium_feature`,
    `t33`.`grp__export`,
    `t33`.`grp__logins_week_one`,
    `t33`.`grp__session_depth`,
    `t33`.`grp__inactive`,
    `t33`.`grp__unsubscribed`,
    `t33`.`grp__downgraded`,
    `t33`.`b__onboarding`,
    `t33`.`b__core_feature`,
    `t33`.`b__integration`,
    `t33`.`b__invites`,
    `t33`.`b__pricing_logged_in`,
    `t33`.`b__pricing_anonymous`,
    `t33`.`b__checkout`,
    `t33`.`b__premium_feature`,
    `t33`.`b__export`,
    `t33`.`b__logins_week_one`,
    `t33`.`b__session_depth`,
    `t33`.`b__inactive`,
    `t33`.`b__unsubscribed`,
    `t33`.`b__downgraded`,
    `t33`.`v__burst`,
    `t33`.`behavior_rules`,
    `t33`.`behavior_capped`,
    `t33`.`behavior_raw`,
    ieee_divide(
      GREATEST(
        CAST(UNIX_SECONDS(DATETIME('2026-03-01T12:00:00')) AS FLOAT64) - GREATEST(
          COALESCE(
            CAST(UNIX_SECONDS(`t33`.`last_activity`) AS FLOAT64),
            CAST(UNIX_SECONDS(`t33`.`created_at`) AS FLOAT64)
          ),
          COALESCE(
            CAST(UNIX_SECONDS(`t33`.`created_at`) AS FLOAT64),
            CAST(UNIX_SECONDS(`t33`.`last_activity`) AS FLOAT64)
          )
        ),
        0.0
      ),
      86400.0
    ) AS `inactive_days`,
    COALESCE(
      CAST(CAST(FLOOR(
        ieee_divide(
          GREATEST(
            CAST(UNIX_SECONDS(DATETIME('2026-03-01T12:00:00')) AS FLOAT64) - GREATEST(
              COALESCE(
                CAST(UNIX_SECONDS(`t33`.`last_activity`) AS FLOAT64),
                CAST(UNIX_SECONDS(`t33`.`created_at`) AS FLOAT64)
              ),
              COALESCE(
                CAST(UNIX_SECONDS(`t33`.`created_at`) AS FLOAT64),
                CAST(UNIX_SECONDS(`t33`.`last_activity`) AS FLOAT64)
              )
            ),
            0.0
          ),
          2592000.0
        )
      ) AS INT64) AS FLOAT64),
      0.0
    ) AS `decay_periods`,
    COALESCE(
      IF(
        `t33`.`behavior_raw` > 5.0,
        GREATEST(
          `t33`.`behavior_raw` - (
            CAST(CAST(FLOOR(
              ieee_divide(
                GREATEST(
                  CAST(UNIX_SECONDS(DATETIME('2026-03-01T12:00:00')) AS FLOAT64) - GREATEST(
                    COALESCE(
                      CAST(UNIX_SECONDS(`t33`.`last_activity`) AS FLOAT64),
                      CAST(UNIX_SECONDS(`t33`.`created_at`) AS FLOAT64)
                    ),
                    COALESCE(
                      CAST(UNIX_SECONDS(`t33`.`created_at`) AS FLOAT64),
                      CAST(UNIX_SECONDS(`t33`.`last_activity`) AS FLOAT64)
                    )
                  ),
                  0.0
                ),
                2592000.0
              )
            ) AS INT64) AS FLOAT64) * 10.0
          ),
          5.0
        ),
        `t33`.`behavior_raw`
      ),
      `t33`.`behavior_raw`
    ) AS `behavior_decayed`,
    GREATEST(
      COALESCE(
        IF(
          `t33`.`behavior_raw` > 5.0,
          GREATEST(
            `t33`.`behavior_raw` - (
              CAST(CAST(FLOOR(
                ieee_divide(
                  GREATEST(
                    CAST(UNIX_SECONDS(DATETIME('2026-03-01T12:00:00')) AS FLOAT64) - GREATEST(
                      COALESCE(
                        CAST(UNIX_SECONDS(`t33`.`last_activity`) AS FLOAT64),
                        CAST(UNIX_SECONDS(`t33`.`created_at`) AS FLOAT64)
                      ),
                      COALESCE(
                        CAST(UNIX_SECONDS(`t33`.`created_at`) AS FLOAT64),
                        CAST(UNIX_SECONDS(`t33`.`last_activity`) AS FLOAT64)
                      )
                    ),
                    0.0
                  ),
                  2592000.0
                )
              ) AS INT64) AS FLOAT64) * 10.0
            ),
            5.0
          ),
          `t33`.`behavior_raw`
        ),
        `t33`.`behavior_raw`
      ),
      0.0
    ) AS `behavior`,
    (
      `t33`.`fit` * 1
    ) + (
      GREATEST(
        COALESCE(
          IF(
            `t33`.`behavior_raw` > 5.0,
            GREATEST(
              `t33`.`behavior_raw` - (
                CAST(CAST(FLOOR(
                  ieee_divide(
                    GREATEST(
                      CAST(UNIX_SECONDS(DATETIME('2026-03-01T12:00:00')) AS FLOAT64) - GREATEST(
                        COALESCE(
                          CAST(UNIX_SECONDS(`t33`.`last_activity`) AS FLOAT64),
                          CAST(UNIX_SECONDS(`t33`.`created_at`) AS FLOAT64)
                        ),
                        COALESCE(
                          CAST(UNIX_SECONDS(`t33`.`created_at`) AS FLOAT64),
                          CAST(UNIX_SECONDS(`t33`.`last_activity`) AS FLOAT64)
                        )
                      ),
                      0.0
                    ),
                    2592000.0
                  )
                ) AS INT64) AS FLOAT64) * 10.0
              ),
              5.0
            ),
            `t33`.`behavior_raw`
          ),
          `t33`.`behavior_raw`
        ),
        0.0
      ) * 1
    ) AS `total`
  FROM (
    SELECT
      `t32`.`person_id`,
      `t32`.`account_id`,
      `t32`.`created_at`,
      `t32`.`email_domain`,
      `t32`.`email`,
      `t32`.`title`,
      `t32`.`plan`,
      `t32`.`country`,
      `t32`.`account__name`,
      `t32`.`account__domain`,
      `t32`.`account__employees`,
      `t32`.`account__industry`,
      `t32`.`account__country`,
      `t32`.`account__tech_stack`,
      `t32`.`fit__company_size`,
      `t32`.`fit__industry`,
      `t32`.`fit__seniority`,
      `t32`.`fit__tech_stack`,
      `t32`.`fit__geography`,
      `t32`.`fit__competitor`,
      `t32`.`fit__personal_email`,
      `t32`.`fit__student`,
      `t32`.`fitcase__company_size`,
      `t32`.`fv__company_size`,
      `t32`.`fitcase__industry`,
      `t32`.`fv__industry`,
      `t32`.`fitcase__seniority`,
      `t32`.`fv__seniority`,
      `t32`.`fitcase__tech_stack`,
      `t32`.`fv__tech_stack`,
      `t32`.`fitcase__geography`,
      `t32`.`fv__geography`,
      `t32`.`fitcase__competitor`,
      `t32`.`fv__competitor`,
      `t32`.`fitcase__personal_email`,
      `t32`.`fv__personal_email`,
      `t32`.`fitcase__student`,
      `t32`.`fv__student`,
      `t32`.`fit_rules`,
      `t32`.`fit`,
      `t32`.`m__onboarding`,
      `t32`.`last__onboarding`,
      `t32`.`m__core_feature`,
      `t32`.`last__core_feature`,
      `t32`.`m__integration`,
      `t32`.`last__integration`,
      `t32`.`m__invites`,
      `t32`.`last__invites`,
      `t32`.`m__pricing_logged_in`,
      `t32`.`last__pricing_logged_in`,
      `t32`.`m__pricing_anonymous`,
      `t32`.`last__pricing_anonymous`,
      `t32`.`m__checkout`,
      `t32`.`last__checkout`,
      `t32`.`m__premium_feature`,
      `t32`.`last__premium_feature`,
      `t32`.`m__export`,
      `t32`.`last__export`,
      `t32`.`m__logins_week_one`,
      `t32`.`last__logins_week_one`,
      `t32`.`m__session_depth`,
      `t32`.`last__session_depth`,
      `t32`.`act__inactive`,
      `t32`.`m__unsubscribed`,
      `t32`.`last__unsubscribed`,
      `t32`.`m__downgraded`,
      `t32`.`last__downgraded`,
      `t32`.`m__high_intent_7d`,
      `t32`.`last__high_intent_7d`,
      `t32`.`last_activity`,
      `t32`.`vf__burst`,
      `t32`.`vend__burst`,
      `t32`.`pts__onboarding`,
      `t32`.`pts__core_feature`,
      `t32`.`pts__integration`,
      `t32`.`pts__invites`,
      `t32`.`pts__pricing_logged_in`,
      `t32`.`pts__pricing_anonymous`,
      `t32`.`pts__checkout`,
      `t32`.`pts__premium_feature`,
      `t32`.`pts__export`,
      `t32`.`pts__logins_week_one`,
      `t32`.`pts__session_depth`,
      `t32`.`pts__inactive`,
      `t32`.`pts__unsubscribed`,
      `t32`.`pts__downgraded`,
      `t32`.`pts__onboarding` AS `grp__onboarding`,
      `t32`.`pts__core_feature` AS `grp__core_feature`,
      `t32`.`pts__integration` AS `grp__integration`,
      `t32`.`pts__invites` AS `grp__invites`,
      IF(
        `t32`.`pts__pricing_logged_in` = GREATEST(`t32`.`pts__pricing_logged_in`, `t32`.`pts__pricing_anonymous`),
        `t32`.`pts__pricing_logged_in`,
        0.0
      ) AS `grp__pricing_logged_in`,
      IF(
        (
          `t32`.`pts__pricing_anonymous` = GREATEST(`t32`.`pts__pricing_logged_in`, `t32`.`pts__pricing_anonymous`)
        )
        AND (
          `t32`.`pts__pricing_logged_in` <> GREATEST(`t32`.`pts__pricing_logged_in`, `t32`.`pts__pricing_anonymous`)
        ),
        `t32`.`pts__pricing_anonymous`,
        0.0
      ) AS `grp__pricing_anonymous`,
      `t32`.`pts__checkout` AS `grp__checkout`,
      `t32`.`pts__premium_feature` AS `grp__premium_feature`,
      `t32`.`pts__export` AS `grp__export`,
      `t32`.`pts__logins_week_one` AS `grp__logins_week_one`,
      `t32`.`pts__session_depth` AS `grp__session_depth`,
      `t32`.`pts__inactive` AS `grp__inactive`,
      `t32`.`pts__unsubscribed` AS `grp__unsubscribed`,
      `t32`.`pts__downgraded` AS `grp__downgraded`,
      `t32`.`pts__onboarding` AS `b__onboarding`,
      `t32`.`pts__core_feature` AS `b__core_feature`,
      `t32`.`pts__integration` AS `b__integration`,
      `t32`.`pts__invites` AS `b__invites`,
      IF(
        `t32`.`pts__pricing_logged_in` = GREATEST(`t32`.`pts__pricing_logged_in`, `t32`.`pts__pricing_anonymous`),
        `t32`.`pts__pricing_logged_in`,
        0.0
      ) AS `b__pricing_logged_in`,
      IF(
        (
          `t32`.`pts__pricing_anonymous` = GREATEST(`t32`.`pts__pricing_logged_in`, `t32`.`pts__pricing_anonymous`)
        )
        AND (
          `t32`.`pts__pricing_logged_in` <> GREATEST(`t32`.`pts__pricing_logged_in`, `t32`.`pts__pricing_anonymous`)
        ),
        `t32`.`pts__pricing_anonymous`,
        0.0
      ) AS `b__pricing_anonymous`,
      `t32`.`pts__checkout` AS `b__checkout`,
      `t32`.`pts__premium_feature` AS `b__premium_feature`,
      `t32`.`pts__export` AS `b__export`,
      `t32`.`pts__logins_week_one` AS `b__logins_week_one`,
      `t32`.`pts__session_depth` AS `b__session_depth`,
      `t32`.`pts__inactive` AS `b__inactive`,
      `t32`.`pts__unsubscribed` AS `b__unsubscribed`,
      `t32`.`pts__downgraded` AS `b__downgraded`,
      COALESCE(IF(COALESCE(`t32`.`vf__burst`, FALSE), CAST(25 AS FLOAT64), 0.0), 0.0) AS `v__burst`,
      CAST(0 AS FLOAT64) + `t32`.`pts__onboarding` + `t32`.`pts__core_feature` + `t32`.`pts__integration` + `t32`.`pts__invites` + IF(
        `t32`.`pts__pricing_logged_in` = GREATEST(`t32`.`pts__pricing_logged_in`, `t32`.`pts__pricing_anonymous`),
        `t32`.`pts__pricing_logged_in`,
        0.0
      ) + IF(
        (
          `t32`.`pts__pricing_anonymous` = GREATEST(`t32`.`pts__pricing_logged_in`, `t32`.`pts__pricing_anonymous`)
        )
        AND (
          `t32`.`pts__pricing_logged_in` <> GREATEST(`t32`.`pts__pricing_logged_in`, `t32`.`pts__pricing_anonymous`)
        ),
        `t32`.`pts__pricing_anonymous`,
        0.0
      ) + `t32`.`pts__checkout` + `t32`.`pts__premium_feature` + `t32`.`pts__export` + `t32`.`pts__logins_week_one` + `t32`.`pts__session_depth` + `t32`.`pts__inactive` + `t32`.`pts__unsubscribed` + `t32`.`pts__downgraded` AS `behavior_rules`,
      LEAST(
        CAST(0 AS FLOAT64) + `t32`.`pts__onboarding` + `t32`.`pts__core_feature` + `t32`.`pts__integration` + `t32`.`pts__invites` + IF(
          `t32`.`pts__pricing_logged_in` = GREATEST(`t32`.`pts__pricing_logged_in`, `t32`.`pts__pricing_anonymous`),
          `t32`.`pts__pricing_logged_in`,
          0.0
        ) + IF(
          (
            `t32`.`pts__pricing_anonymous` = GREATEST(`t32`.`pts__pricing_logged_in`, `t32`.`pts__pricing_anonymous`)
          )
          AND (
            `t32`.`pts__pricing_logged_in` <> GREATEST(`t32`.`pts__pricing_logged_in`, `t32`.`pts__pricing_anonymous`)
          ),
          `t32`.`pts__pricing_anonymous`,
          0.0
        ) + `t32`.`pts__checkout` + `t32`.`pts__premium_feature` + `t32`.`pts__export` + `t32`.`pts__logins_week_one` + `t32`.`pts__session_depth` + `t32`.`pts__inactive` + `t32`.`pts__unsubscribed` + `t32`.`pts__downgraded`,
        100.0
      ) AS `behavior_capped`,
      LEAST(
        CAST(0 AS FLOAT64) + `t32`.`pts__onboarding` + `t32`.`pts__core_feature` + `t32`.`pts__integration` + `t32`.`pts__invites` + IF(
          `t32`.`pts__pricing_logged_in` = GREATEST(`t32`.`pts__pricing_logged_in`, `t32`.`pts__pricing_anonymous`),
          `t32`.`pts__pricing_logged_in`,
          0.0
        ) + IF(
          (
            `t32`.`pts__pricing_anonymous` = GREATEST(`t32`.`pts__pricing_logged_in`, `t32`.`pts__pricing_anonymous`)
          )
          AND (
            `t32`.`pts__pricing_logged_in` <> GREATEST(`t32`.`pts__pricing_logged_in`, `t32`.`pts__pricing_anonymous`)
          ),
          `t32`.`pts__pricing_anonymous`,
          0.0
        ) + `t32`.`pts__checkout` + `t32`.`pts__premium_feature` + `t32`.`pts__export` + `t32`.`pts__logins_week_one` + `t32`.`pts__session_depth` + `t32`.`pts__inactive` + `t32`.`pts__unsubscribed` + `t32`.`pts__downgraded`,
        100.0
      ) + (
        CAST(0 AS FLOAT64) + COALESCE(IF(COALESCE(`t32`.`vf__burst`, FALSE), CAST(25 AS FLOAT64), 0.0), 0.0)
      ) AS `behavior_raw`
    FROM (
      SELECT
        `t31`.`person_id`,
        `t31`.`account_id`,
        `t31`.`created_at`,
        `t31`.`email_domain`,
        `t31`.`email`,
        `t31`.`title`,
        `t31`.`plan`,
        `t31`.`country`,
        `t31`.`account__name`,
        `t31`.`account__domain`,
        `t31`.`account__employees`,
        `t31`.`account__industry`,
        `t31`.`account__country`,
        `t31`.`account__tech_stack`,
        `t31`.`fit__company_size`,
        `t31`.`fit__industry`,
        `t31`.`fit__seniority`,
        `t31`.`fit__tech_stack`,
        `t31`.`fit__geography`,
        `t31`.`fit__competitor`,
        `t31`.`fit__personal_email`,
        `t31`.`fit__student`,
        `t31`.`fitcase__company_size`,
        `t31`.`fv__company_size`,
        `t31`.`fitcase__industry`,
        `t31`.`fv__industry`,
        `t31`.`fitcase__seniority`,
        `t31`.`fv__seniority`,
        `t31`.`fitcase__tech_stack`,
        `t31`.`fv__tech_stack`,
        `t31`.`fitcase__geography`,
        `t31`.`fv__geography`,
        `t31`.`fitcase__competitor`,
        `t31`.`fv__competitor`,
        `t31`.`fitcase__personal_email`,
        `t31`.`fv__personal_email`,
        `t31`.`fitcase__student`,
        `t31`.`fv__student`,
        `t31`.`fit_rules`,
        `t31`.`fit`,
        `t31`.`m__onboarding`,
        `t31`.`last__onboarding`,
        `t31`.`m__core_feature`,
        `t31`.`last__core_feature`,
        `t31`.`m__integration`,
        `t31`.`last__integration`,
        `t31`.`m__invites`,
        `t31`.`last__invites`,
        `t31`.`m__pricing_logged_in`,
        `t31`.`last__pricing_logged_in`,
        `t31`.`m__pricing_anonymous`,
        `t31`.`last__pricing_anonymous`,
        `t31`.`m__checkout`,
        `t31`.`last__checkout`,
        `t31`.`m__premium_feature`,
        `t31`.`last__premium_feature`,
        `t31`.`m__export`,
        `t31`.`last__export`,
        `t31`.`m__logins_week_one`,
        `t31`.`last__logins_week_one`,
        `t31`.`m__session_depth`,
        `t31`.`last__session_depth`,
        `t31`.`act__inactive`,
        `t31`.`m__unsubscribed`,
        `t31`.`last__unsubscribed`,
        `t31`.`m__downgraded`,
        `t31`.`last__downgraded`,
        `t31`.`m__high_intent_7d`,
        `t31`.`last__high_intent_7d`,
        `t31`.`last_activity`,
        `t31`.`vf__burst`,
        `t31`.`vend__burst`,
        CASE
          WHEN COALESCE(`t31`.`m__onboarding`, 0.0) >= 1.0
          THEN CAST(15 AS FLOAT64)
          WHEN COALESCE(`t31`.`m__onboarding`, 0.0) >= 0.5
          THEN CAST(8 AS FLOAT64)
          ELSE CAST(0 AS FLOAT64)
        END AS `pts__onboarding`,
        CASE
          WHEN COALESCE(CAST(`t31`.`m__core_feature` AS FLOAT64), 0.0) >= 3.0
          THEN CAST(20 AS FLOAT64)
          ELSE CAST(0 AS FLOAT64)
        END AS `pts__core_feature`,
        CASE
          WHEN COALESCE(CAST(`t31`.`m__integration` AS FLOAT64), 0.0) >= 1.0
          THEN CAST(15 AS FLOAT64)
          ELSE CAST(0 AS FLOAT64)
        END AS `pts__integration`,
        CASE
          WHEN COALESCE(CAST(`t31`.`m__invites` AS FLOAT64), 0.0) >= 2.0
          THEN CAST(15 AS FLOAT64)
          WHEN COALESCE(CAST(`t31`.`m__invites` AS FLOAT64), 0.0) >= 1.0
          THEN CAST(10 AS FLOAT64)
          ELSE CAST(0 AS FLOAT64)
        END AS `pts__invites`,
        CASE
          WHEN COALESCE(CAST(`t31`.`m__pricing_logged_in` AS FLOAT64), 0.0) >= 1.0
          THEN CAST(10 AS FLOAT64)
          ELSE CAST(0 AS FLOAT64)
        END AS `pts__pricing_logged_in`,
        CASE
          WHEN COALESCE(CAST(`t31`.`m__pricing_anonymous` AS FLOAT64), 0.0) >= 1.0
          THEN CAST(3 AS FLOAT64)
          ELSE CAST(0 AS FLOAT64)
        END AS `pts__pricing_anonymous`,
        CASE
          WHEN COALESCE(CAST(`t31`.`m__checkout` AS FLOAT64), 0.0) >= 1.0
          THEN CAST(15 AS FLOAT64)
          ELSE CAST(0 AS FLOAT64)
        END AS `pts__checkout`,
        CASE
          WHEN COALESCE(CAST(`t31`.`m__premium_feature` AS FLOAT64), 0.0) >= 1.0
          THEN CAST(8 AS FLOAT64)
          ELSE CAST(0 AS FLOAT64)
        END AS `pts__premium_feature`,
        CASE
          WHEN COALESCE(CAST(`t31`.`m__export` AS FLOAT64), 0.0) >= 1.0
          THEN CAST(5 AS FLOAT64)
          ELSE CAST(0 AS FLOAT64)
        END AS `pts__export`,
        CASE
          WHEN COALESCE(CAST(`t31`.`m__logins_week_one` AS FLOAT64), 0.0) >= 5.0
          THEN CAST(10 AS FLOAT64)
          WHEN COALESCE(CAST(`t31`.`m__logins_week_one` AS FLOAT64), 0.0) >= 3.0
          THEN CAST(5 AS FLOAT64)
          WHEN COALESCE(CAST(`t31`.`m__logins_week_one` AS FLOAT64), 0.0) >= 1.0
          THEN CAST(2 AS FLOAT64)
          ELSE CAST(0 AS FLOAT64)
        END AS `pts__logins_week_one`,
        CASE
          WHEN COALESCE(CAST(`t31`.`m__session_depth` AS FLOAT64), 0.0) >= 1.0
          THEN CAST(5 AS FLOAT64)
          ELSE CAST(0 AS FLOAT64)
        END AS `pts__session_depth`,
        COALESCE(
          CAST(CAST(FLOOR(
            ieee_divide(
              CAST(UNIX_SECONDS(DATETIME('2026-03-01T12:00:00')) AS FLOAT64) - GREATEST(
                COALESCE(`t31`.`act__inactive`, CAST(UNIX_SECONDS(`t31`.`created_at`) AS FLOAT64)),
                COALESCE(CAST(UNIX_SECONDS(`t31`.`created_at`) AS FLOAT64), `t31`.`act__inactive`)
              ),
              1209600.0
            )
          ) AS INT64) AS FLOAT64) * -10.0,
          0.0
        ) + 0.0 AS `pts__inactive`,
        CASE
          WHEN COALESCE(CAST(`t31`.`m__unsubscribed` AS FLOAT64), 0.0) >= 1.0
          THEN CAST(-5 AS FLOAT64)
          ELSE CAST(0 AS FLOAT64)
        END AS `pts__unsubscribed`,
        CASE
          WHEN COALESCE(CAST(`t31`.`m__downgraded` AS FLOAT64), 0.0) >= 1.0
          THEN CAST(-8 AS FLOAT64)
          ELSE CAST(0 AS FLOAT64)
        END AS `pts__downgraded`
      FROM (
        SELECT
          `t30`.*
          EXCEPT (`_key`)
        FROM (
          SELECT
            `t29`.`person_id`,
            `t29`.`account_id`,
            `t29`.`created_at`,
            `t29`.`email_domain`,
            `t29`.`email`,
            `t29`.`title`,
            `t29`.`plan`,
            `t29`.`country`,
            `t29`.`account__name`,
            `t29`.`account__domain`,
            `t29`.`account__employees`,
            `t29`.`account__industry`,
            `t29`.`account__country`,
            `t29`.`account__tech_stack`,
            `t29`.`fit__company_size`,
            `t29`.`fit__industry`,
            `t29`.`fit__seniority`,
            `t29`.`fit__tech_stack`,
            `t29`.`fit__geography`,
            `t29`.`fit__competitor`,
            `t29`.`fit__personal_email`,
            `t29`.`fit__student`,
            `t29`.`fitcase__company_size`,
            `t29`.`fv__company_size`,
            `t29`.`fitcase__industry`,
            `t29`.`fv__industry`,
            `t29`.`fitcase__seniority`,
            `t29`.`fv__seniority`,
            `t29`.`fitcase__tech_stack`,
            `t29`.`fv__tech_stack`,
            `t29`.`fitcase__geography`,
            `t29`.`fv__geography`,
            `t29`.`fitcase__competitor`,
            `t29`.`fv__competitor`,
            `t29`.`fitcase__personal_email`,
            `t29`.`fv__personal_email`,
            `t29`.`fitcase__student`,
            `t29`.`fv__student`,
            `t29`.`fit_rules`,
            `t29`.`fit`,
            `t29`.`m__onboarding`,
            `t29`.`last__onboarding`,
            `t29`.`m__core_feature`,
            `t29`.`last__core_feature`,
            `t29`.`m__integration`,
            `t29`.`last__integration`,
            `t29`.`m__invites`,
            `t29`.`last__invites`,
            `t29`.`m__pricing_logged_in`,
            `t29`.`last__pricing_logged_in`,
            `t29`.`m__pricing_anonymous`,
            `t29`.`last__pricing_anonymous`,
            `t29`.`m__checkout`,
            `t29`.`last__checkout`,
            `t29`.`m__premium_feature`,
            `t29`.`last__premium_feature`,
            `t29`.`m__export`,
            `t29`.`last__export`,
            `t29`.`m__logins_week_one`,
            `t29`.`last__logins_week_one`,
            `t29`.`m__session_depth`,
            `t29`.`last__session_depth`,
            `t29`.`act__inactive`,
            `t29`.`m__unsubscribed`,
            `t29`.`last__unsubscribed`,
            `t29`.`m__downgraded`,
            `t29`.`last__downgraded`,
            `t29`.`m__high_intent_7d`,
            `t29`.`last__high_intent_7d`,
            `t29`.`last_activity`,
            `t24`.`_key`,
            `t24`.`vf__burst`,
            `t24`.`vend__burst`
          FROM (
            SELECT
              `t27`.*
              EXCEPT (`_key`)
            FROM (
              SELECT
                `t26`.`person_id`,
                `t26`.`account_id`,
                `t26`.`created_at`,
                `t26`.`email_domain`,
                `t26`.`email`,
                `t26`.`title`,
                `t26`.`plan`,
                `t26`.`country`,
                `t26`.`account__name`,
                `t26`.`account__domain`,
                `t26`.`account__employees`,
                `t26`.`account__industry`,
                `t26`.`account__country`,
                `t26`.`account__tech_stack`,
                `t26`.`fit__company_size`,
                `t26`.`fit__industry`,
                `t26`.`fit__seniority`,
                `t26`.`fit__tech_stack`,
                `t26`.`fit__geography`,
                `t26`.`fit__competitor`,
                `t26`.`fit__personal_email`,
                `t26`.`fit__student`,
                `t26`.`fitcase__company_size`,
                `t26`.`fv__company_size`,
                `t26`.`fitcase__industry`,
                `t26`.`fv__industry`,
                `t26`.`fitcase__seniority`,
                `t26`.`fv__seniority`,
                `t26`.`fitcase__tech_stack`,
                `t26`.`fv__tech_stack`,
                `t26`.`fitcase__geography`,
                `t26`.`fv__geography`,
                `t26`.`fitcase__competitor`,
                `t26`.`fv__competitor`,
                `t26`.`fitcase__personal_email`,
                `t26`.`fv__personal_email`,
                `t26`.`fitcase__student`,
                `t26`.`fv__student`,
                `t26`.`fit_rules`,
                `t26`.`fit`,
                `t19`.`_key`,
                `t19`.`m__onboarding`,
                `t19`.`last__onboarding`,
                `t19`.`m__core_feature`,
                `t19`.`last__core_feature`,
                `t19`.`m__integration`,
                `t19`.`last__integration`,
                `t19`.`m__invites`,
                `t19`.`last__invites`,
                `t19`.`m__pricing_logged_in`,
                `t19`.`last__pricing_logged_in`,
                `t19`.`m__pricing_anonymous`,
                `t19`.`last__pricing_anonymous`,
                `t19`.`m__checkout`,
                `t19`.`last__checkout`,
                `t19`.`m__premium_feature`,
                `t19`.`last__premium_feature`,
                `t19`.`m__export`,
                `t19`.`last__export`,
                `t19`.`m__logins_week_one`,
                `t19`.`last__logins_week_one`,
                `t19`.`m__session_depth`,
                `t19`.`last__session_depth`,
                `t19`.`act__inactive`,
                `t19`.`m__unsubscribed`,
                `t19`.`last__unsubscribed`,
                `t19`.`m__downgraded`,
                `t19`.`last__downgraded`,
                `t19`.`m__high_intent_7d`,
                `t19`.`last__high_intent_7d`,
                `t19`.`last_activity`
              FROM (
                SELECT
                  `t20`.`person_id`,
                  `t20`.`account_id`,
                  `t20`.`created_at`,
                  `t20`.`email_domain`,
                  `t20`.`email`,
                  `t20`.`title`,
                  `t20`.`plan`,
                  `t20`.`country`,
                  `t20`.`account__name`,
                  `t20`.`account__domain`,
                  `t20`.`account__employees`,
                  `t20`.`account__industry`,
                  `t20`.`account__country`,
                  `t20`.`account__tech_stack`,
                  `t20`.`fit__company_size`,
                  `t20`.`fit__industry`,
                  `t20`.`fit__seniority`,
                  `t20`.`fit__tech_stack`,
                  `t20`.`fit__geography`,
                  `t20`.`fit__competitor`,
                  `t20`.`fit__personal_email`,
                  `t20`.`fit__student`,
                  `t20`.`fitcase__company_size`,
                  `t20`.`fv__company_size`,
                  `t20`.`fitcase__industry`,
                  `t20`.`fv__industry`,
                  `t20`.`fitcase__seniority`,
                  `t20`.`fv__seniority`,
                  `t20`.`fitcase__tech_stack`,
                  `t20`.`fv__tech_stack`,
                  `t20`.`fitcase__geography`,
                  `t20`.`fv__geography`,
                  `t20`.`fitcase__competitor`,
                  `t20`.`fv__competitor`,
                  `t20`.`fitcase__personal_email`,
                  `t20`.`fv__personal_email`,
                  `t20`.`fitcase__student`,
                  `t20`.`fv__student`,
                  CAST(0 AS FLOAT64) + `t20`.`fit__company_size` + `t20`.`fit__industry` + `t20`.`fit__seniority` + `t20`.`fit__tech_stack` + `t20`.`fit__geography` + `t20`.`fit__competitor` + `t20`.`fit__personal_email` + `t20`.`fit__student` AS `fit_rules`,
                  GREATEST(
                    LEAST(
                      CAST(0 AS FLOAT64) + `t20`.`fit__company_size` + `t20`.`fit__industry` + `t20`.`fit__seniority` + `t20`.`fit__tech_stack` + `t20`.`fit__geography` + `t20`.`fit__competitor` + `t20`.`fit__personal_email` + `t20`.`fit__student`,
                      50.0
                    ),
                    0.0
                  ) AS `fit`
                FROM (
                  SELECT
                    `t14`.`person_id`,
                    `t14`.`account_id`,
                    `t14`.`created_at`,
                    `t14`.`email_domain`,
                    `t14`.`email`,
                    `t14`.`title`,
                    `t14`.`plan`,
                    `t14`.`country`,
                    `t14`.`account__name`,
                    `t14`.`account__domain`,
                    `t14`.`account__employees`,
                    `t14`.`account__industry`,
                    `t14`.`account__country`,
                    `t14`.`account__tech_stack`,
                    CASE
                      WHEN COALESCE(CAST(`t14`.`account__employees` AS FLOAT64) BETWEEN 50.0 AND 500.0, FALSE)
                      THEN CAST(15 AS FLOAT64)
                      WHEN COALESCE(CAST(`t14`.`account__employees` AS FLOAT64) BETWEEN 25.0 AND 49.0, FALSE)
                      THEN CAST(8 AS FLOAT64)
                      WHEN COALESCE(CAST(`t14`.`account__employees` AS FLOAT64) BETWEEN 501.0 AND 1000.0, FALSE)
                      THEN CAST(8 AS FLOAT64)
                      ELSE CAST(0 AS FLOAT64)
                    END AS `fit__company_size`,
                    CASE
                      WHEN COALESCE(
                        LOWER(TRIM(`t14`.`account__industry`, ' \t\n\r\v\f')) IN ('saas', 'software', 'technology'),
                        FALSE
                      )
                      THEN CAST(10 AS FLOAT64)
                      WHEN COALESCE(
                        LOWER(TRIM(`t14`.`account__industry`, ' \t\n\r\v\f')) IN ('fintech', 'marketing', 'e-commerce'),
                        FALSE
                      )
                      THEN CAST(5 AS FLOAT64)
                      ELSE CAST(0 AS FLOAT64)
                    END AS `fit__industry`,
                    IF(
                      `t14`.`title` IS NULL,
                      CAST(0 AS FLOAT64),
                      CASE
                        WHEN COALESCE(
                          REGEXP_CONTAINS(
                            LOWER(TRIM(`t14`.`title`, ' \t\n\r\v\f')),
                            '\\b(vp|vice president|director|head of|chief|c[etmorf]o|founder|owner|president)\\b'
                          ),
                          FALSE
                        )
                        THEN CAST(10 AS FLOAT64)
                        WHEN COALESCE(REGEXP_CONTAINS(LOWER(TRIM(`t14`.`title`, ' \t\n\r\v\f')), '\\bmanager\\b'), FALSE)
                        THEN CAST(6 AS FLOAT64)
                        ELSE CAST(2 AS FLOAT64)
                      END
                    ) AS `fit__seniority`,
                    CASE
                      WHEN COALESCE(
                        FALSE
                        OR (
                          INSTR(LOWER(TRIM(`t14`.`account__tech_stack`, ' \t\n\r\v\f')), 'salesforce') > 0
                        )
                        OR (
                          INSTR(LOWER(TRIM(`t14`.`account__tech_stack`, ' \t\n\r\v\f')), 'hubspot') > 0
                        ),
                        FALSE
                      )
                      THEN CAST(8 AS FLOAT64)
                      WHEN COALESCE(
                        FALSE
                        OR (
                          INSTR(LOWER(TRIM(`t14`.`account__tech_stack`, ' \t\n\r\v\f')), 'segment') > 0
                        )
                        OR (
                          INSTR(LOWER(TRIM(`t14`.`account__tech_stack`, ' \t\n\r\v\f')), 'snowflake') > 0
                        )
                        OR (
                          INSTR(LOWER(TRIM(`t14`.`account__tech_stack`, ' \t\n\r\v\f')), 'slack') > 0
                        ),
                        FALSE
                      )
                      THEN CAST(4 AS FLOAT64)
                      ELSE CAST(0 AS FLOAT64)
                    END AS `fit__tech_stack`,
                    CASE
                      WHEN COALESCE(LOWER(TRIM(`t14`.`account__country`, ' \t\n\r\v\f')) IN ('us', 'ca'), FALSE)
                      THEN CAST(7 AS FLOAT64)
                      WHEN COALESCE(
                        LOWER(TRIM(`t14`.`account__country`, ' \t\n\r\v\f')) IN ('gb', 'ie', 'de', 'fr', 'nl', 'se', 'dk', 'au'),
                        FALSE
                      )
                      THEN CAST(4 AS FLOAT64)
                      ELSE CAST(0 AS FLOAT64)
                    END AS `fit__geography`,
                    CASE
                      WHEN COALESCE(
                        LOWER(TRIM(`t14`.`email_domain`, ' \t\n\r\v\f')) IN ('rivalscore.io', 'leadrival.com', 'scorehub.com'),
                        FALSE
                      )
                      THEN CAST(-30 AS FLOAT64)
                      ELSE CAST(0 AS FLOAT64)
                    END AS `fit__competitor`,
                    CASE
                      WHEN COALESCE(
                        LOWER(TRIM(`t14`.`email_domain`, ' \t\n\r\v\f')) IN (
                          'gmail.com',
                          'googlemail.com',
                          'yahoo.com',
                          'ymail.com',
                          'outlook.com',
                          'hotmail.com',
                          'live.com',
                          'msn.com',
                          'icloud.com',
                          'me.com',
                          'aol.com',
                          'proton.me',
                          'protonmail.com',
                          'gmx.com',
                          'gmx.de',
                          'web.de',
                          'mail.com',
                          'yandex.com',
                          'zoho.com',
                          'qq.com',
                          '163.com'
                        ),
                        FALSE
                      )
                      THEN CAST(-15 AS FLOAT64)
                      ELSE CAST(0 AS FLOAT64)
                    END AS `fit__personal_email`,
                    CASE
                      WHEN COALESCE(
                        REGEXP_CONTAINS(LOWER(TRIM(`t14`.`email_domain`, ' \t\n\r\v\f')), '\\.edu$|\\.ac\\.[a-z]{2}$'),
                        FALSE
                      )
                      THEN CAST(-10 AS FLOAT64)
                      ELSE CAST(0 AS FLOAT64)
                    END AS `fit__student`,
                    CASE
                      WHEN COALESCE(CAST(`t14`.`account__employees` AS FLOAT64) BETWEEN 50.0 AND 500.0, FALSE)
                      THEN 0
                      WHEN COALESCE(CAST(`t14`.`account__employees` AS FLOAT64) BETWEEN 25.0 AND 49.0, FALSE)
                      THEN 1
                      WHEN COALESCE(CAST(`t14`.`account__employees` AS FLOAT64) BETWEEN 501.0 AND 1000.0, FALSE)
                      THEN 2
                      ELSE -1
                    END AS `fitcase__company_size`,
                    CAST(`t14`.`account__employees` AS STRING) AS `fv__company_size`,
                    CASE
                      WHEN COALESCE(
                        LOWER(TRIM(`t14`.`account__industry`, ' \t\n\r\v\f')) IN ('saas', 'software', 'technology'),
                        FALSE
                      )
                      THEN 0
                      WHEN COALESCE(
                        LOWER(TRIM(`t14`.`account__industry`, ' \t\n\r\v\f')) IN ('fintech', 'marketing', 'e-commerce'),
                        FALSE
                      )
                      THEN 1
                      ELSE -1
                    END AS `fitcase__industry`,
                    `t14`.`account__industry` AS `fv__industry`,
                    IF(
                      `t14`.`title` IS NULL,
                      -2,
                      CASE
                        WHEN COALESCE(
                          REGEXP_CONTAINS(
                            LOWER(TRIM(`t14`.`title`, ' \t\n\r\v\f')),
                            '\\b(vp|vice president|director|head of|chief|c[etmorf]o|founder|owner|president)\\b'
                          ),
                          FALSE
                        )
                        THEN 0
                        WHEN COALESCE(REGEXP_CONTAINS(LOWER(TRIM(`t14`.`title`, ' \t\n\r\v\f')), '\\bmanager\\b'), FALSE)
                        THEN 1
                        ELSE -1
                      END
                    ) AS `fitcase__seniority`,
                    `t14`.`title` AS `fv__seniority`,
                    CASE
                      WHEN COALESCE(
                        FALSE
                        OR (
                          INSTR(LOWER(TRIM(`t14`.`account__tech_stack`, ' \t\n\r\v\f')), 'salesforce') > 0
                        )
                        OR (
                          INSTR(LOWER(TRIM(`t14`.`account__tech_stack`, ' \t\n\r\v\f')), 'hubspot') > 0
                        ),
                        FALSE
                      )
                      THEN 0
                      WHEN COALESCE(
                        FALSE
                        OR (
                          INSTR(LOWER(TRIM(`t14`.`account__tech_stack`, ' \t\n\r\v\f')), 'segment') > 0
                        )
                        OR (
                          INSTR(LOWER(TRIM(`t14`.`account__tech_stack`, ' \t\n\r\v\f')), 'snowflake') > 0
                        )
                        OR (
                          INSTR(LOWER(TRIM(`t14`.`account__tech_stack`, ' \t\n\r\v\f')), 'slack') > 0
                        ),
                        FALSE
                      )
                      THEN 1
                      ELSE -1
                    END AS `fitcase__tech_stack`,
                    `t14`.`account__tech_stack` AS `fv__tech_stack`,
                    CASE
                      WHEN COALESCE(LOWER(TRIM(`t14`.`account__country`, ' \t\n\r\v\f')) IN ('us', 'ca'), FALSE)
                      THEN 0
                      WHEN COALESCE(
                        LOWER(TRIM(`t14`.`account__country`, ' \t\n\r\v\f')) IN ('gb', 'ie', 'de', 'fr', 'nl', 'se', 'dk', 'au'),
                        FALSE
                      )
                      THEN 1
                      ELSE -1
                    END AS `fitcase__geography`,
                    `t14`.`account__country` AS `fv__geography`,
                    CASE
                      WHEN COALESCE(
                        LOWER(TRIM(`t14`.`email_domain`, ' \t\n\r\v\f')) IN ('rivalscore.io', 'leadrival.com', 'scorehub.com'),
                        FALSE
                      )
                      THEN 0
                      ELSE -1
                    END AS `fitcase__competitor`,
                    `t14`.`email_domain` AS `fv__competitor`,
                    CASE
                      WHEN COALESCE(
                        LOWER(TRIM(`t14`.`email_domain`, ' \t\n\r\v\f')) IN (
                          'gmail.com',
                          'googlemail.com',
                          'yahoo.com',
                          'ymail.com',
                          'outlook.com',
                          'hotmail.com',
                          'live.com',
                          'msn.com',
                          'icloud.com',
                          'me.com',
                          'aol.com',
                          'proton.me',
                          'protonmail.com',
                          'gmx.com',
                          'gmx.de',
                          'web.de',
                          'mail.com',
                          'yandex.com',
                          'zoho.com',
                          'qq.com',
                          '163.com'
                        ),
                        FALSE
                      )
                      THEN 0
                      ELSE -1
                    END AS `fitcase__personal_email`,
                    `t14`.`email_domain` AS `fv__personal_email`,
                    CASE
                      WHEN COALESCE(
                        REGEXP_CONTAINS(LOWER(TRIM(`t14`.`email_domain`, ' \t\n\r\v\f')), '\\.edu$|\\.ac\\.[a-z]{2}$'),
                        FALSE
                      )
                      THEN 0
                      ELSE -1
                    END AS `fitcase__student`,
                    `t14`.`email_domain` AS `fv__student`
                  FROM (
                    SELECT
                      `t12`.*
                      EXCEPT (`account__account_id`)
                    FROM (
                      SELECT
                        `t9`.`person_id`,
                        `t9`.`account_id`,
                        `t9`.`created_at`,
                        `t9`.`email_domain`,
                        `t9`.`email`,
                        `t9`.`title`,
                        `t9`.`plan`,
                        `t9`.`country`,
                        `t10`.`account__account_id`,
                        `t10`.`account__name`,
                        `t10`.`account__domain`,
                        `t10`.`account__employees`,
                        `t10`.`account__industry`,
                        `t10`.`account__country`,
                        `t10`.`account__tech_stack`
                      FROM (
                        SELECT
                          `t0`.`person_id`,
                          IF(
                            TRIM(`t0`.`account_id`, ' \t\n\r\v\f') = '',
                            CAST(NULL AS STRING),
                            TRIM(`t0`.`account_id`, ' \t\n\r\v\f')
                          ) AS `account_id`,
                          `t0`.`created_at`,
                          LOWER(
                            TRIM(
                              IF(
                                REGEXP_CONTAINS(`t0`.`email`, '@([^@\\s]+)\\s*$'),
                                IF(
                                  1 = 0,
                                  REGEXP_REPLACE(`t0`.`email`, CONCAT('.*?', CONCAT('(', '@([^@\\s]+)\\s*$', ')'), '.*'), '\\1'),
                                  REGEXP_REPLACE(
                                    `t0`.`email`,
                                    CONCAT('.*?', '@([^@\\s]+)\\s*$', '.*'),
                                    CONCAT('\\', CAST(1 AS STRING))
                                  )
                                ),
                                NULL
                              ),
                              ' \t\n\r\v\f'
                            )
                          ) AS `email_domain`,
                          IF(
                            TRIM(`t0`.`email`, ' \t\n\r\v\f') = '',
                            CAST(NULL AS STRING),
                            TRIM(`t0`.`email`, ' \t\n\r\v\f')
                          ) AS `email`,
                          IF(
                            TRIM(`t0`.`title`, ' \t\n\r\v\f') = '',
                            CAST(NULL AS STRING),
                            TRIM(`t0`.`title`, ' \t\n\r\v\f')
                          ) AS `title`,
                          IF(
                            TRIM(`t0`.`plan`, ' \t\n\r\v\f') = '',
                            CAST(NULL AS STRING),
                            TRIM(`t0`.`plan`, ' \t\n\r\v\f')
                          ) AS `plan`,
                          IF(
                            TRIM(`t0`.`country`, ' \t\n\r\v\f') = '',
                            CAST(NULL AS STRING),
                            TRIM(`t0`.`country`, ' \t\n\r\v\f')
                          ) AS `country`
                        FROM `people` AS `t0`
                        WHERE
                          `t0`.`person_id` IS NOT NULL
                          AND (
                            (
                              `t0`.`created_at` IS NULL
                            )
                            OR (
                              `t0`.`created_at` <= DATETIME('2026-03-01T12:00:00')
                            )
                          )
                      ) AS `t9`
                      LEFT OUTER JOIN (
                        SELECT
                          `t1`.`account_id` AS `account__account_id`,
                          IF(
                            TRIM(`t1`.`name`, ' \t\n\r\v\f') = '',
                            CAST(NULL AS STRING),
                            TRIM(`t1`.`name`, ' \t\n\r\v\f')
                          ) AS `account__name`,
                          IF(
                            TRIM(`t1`.`domain`, ' \t\n\r\v\f') = '',
                            CAST(NULL AS STRING),
                            TRIM(`t1`.`domain`, ' \t\n\r\v\f')
                          ) AS `account__domain`,
                          `t1`.`employees` AS `account__employees`,
                          IF(
                            TRIM(`t1`.`industry`, ' \t\n\r\v\f') = '',
                            CAST(NULL AS STRING),
                            TRIM(`t1`.`industry`, ' \t\n\r\v\f')
                          ) AS `account__industry`,
                          IF(
                            TRIM(`t1`.`country`, ' \t\n\r\v\f') = '',
                            CAST(NULL AS STRING),
                            TRIM(`t1`.`country`, ' \t\n\r\v\f')
                          ) AS `account__country`,
                          IF(
                            TRIM(`t1`.`tech_stack`, ' \t\n\r\v\f') = '',
                            CAST(NULL AS STRING),
                            TRIM(`t1`.`tech_stack`, ' \t\n\r\v\f')
                          ) AS `account__tech_stack`
                        FROM `accounts` AS `t1`
                      ) AS `t10`
                        ON `t9`.`account_id` = `t10`.`account__account_id`
                    ) AS `t12`
                  ) AS `t14`
                ) AS `t20`
              ) AS `t26`
              LEFT OUTER JOIN (
                SELECT
                  `t17`.`person_id` AS `_key`,
                  `t17`.`m__onboarding`,
                  `t17`.`last__onboarding`,
                  `t17`.`m__core_feature`,
                  `t17`.`last__core_feature`,
                  `t17`.`m__integration`,
                  `t17`.`last__integration`,
                  `t17`.`m__invites`,
                  `t17`.`last__invites`,
                  `t17`.`m__pricing_logged_in`,
                  `t17`.`last__pricing_logged_in`,
                  `t17`.`m__pricing_anonymous`,
                  `t17`.`last__pricing_anonymous`,
                  `t17`.`m__checkout`,
                  `t17`.`last__checkout`,
                  `t17`.`m__premium_feature`,
                  `t17`.`last__premium_feature`,
                  `t17`.`m__export`,
                  `t17`.`last__export`,
                  `t17`.`m__logins_week_one`,
                  `t17`.`last__logins_week_one`,
                  `t17`.`m__session_depth`,
                  `t17`.`last__session_depth`,
                  `t17`.`act__inactive`,
                  `t17`.`m__unsubscribed`,
                  `t17`.`last__unsubscribed`,
                  `t17`.`m__downgraded`,
                  `t17`.`last__downgraded`,
                  `t17`.`m__high_intent_7d`,
                  `t17`.`last__high_intent_7d`,
                  `t17`.`last_activity`
                FROM (
                  SELECT
                    `t13`.`person_id`,
                    MAX(IF(`t13`.`event` IN ('onboarding_progress') AND TRUE, `t13`.`progress`, NULL)) AS `m__onboarding`,
                    MAX(IF(`t13`.`event` IN ('onboarding_progress') AND TRUE, `t13`.`ts`, NULL)) AS `last__onboarding`,
                    COUNTIF(
                      `t13`.`event` IN ('core_feature_used')
                      AND (
                        TRUE
                        AND (
                          `t13`.`ts_s` >= `t13`.`created_s`
                        )
                        AND (
                          `t13`.`ts_s` < (
                            `t13`.`created_s` + 1209600.0
                          )
                        )
                      )
                    ) AS `m__core_feature`,
                    MAX(
                      IF(
                        `t13`.`event` IN ('core_feature_used')
                        AND (
                          TRUE
                          AND (
                            `t13`.`ts_s` >= `t13`.`created_s`
                          )
                          AND (
                            `t13`.`ts_s` < (
                              `t13`.`created_s` + 1209600.0
                            )
                          )
                        ),
                        `t13`.`ts`,
                        NULL
                      )
                    ) AS `last__core_feature`,
                    COUNTIF(`t13`.`event` IN ('integration_connected') AND TRUE) AS `m__integration`,
                    MAX(IF(`t13`.`event` IN ('integration_connected') AND TRUE, `t13`.`ts`, NULL)) AS `last__integration`,
                    COUNTIF(`t13`.`event` IN ('teammate_invited') AND TRUE) AS `m__invites`,
                    MAX(IF(`t13`.`event` IN ('teammate_invited') AND TRUE, `t13`.`ts`, NULL)) AS `last__invites`,
                    COUNTIF(
                      `t13`.`event` IN ('pricing_page_viewed')
                      AND COALESCE(`t13`.`logged_in`, FALSE)
                      AND TRUE
                    ) AS `m__pricing_logged_in`,
                    MAX(
                      IF(
                        `t13`.`event` IN ('pricing_page_viewed')
                        AND COALESCE(`t13`.`logged_in`, FALSE)
                        AND TRUE,
                        `t13`.`ts`,
                        NULL
                      )
                    ) AS `last__pricing_logged_in`,
                    COUNTIF(
                      `t13`.`event` IN ('pricing_page_viewed')
                      AND COALESCE(NOT (
                        `t13`.`logged_in`
                      ), FALSE)
                      AND TRUE
                    ) AS `m__pricing_anonymous`,
                    MAX(
                      IF(
                        `t13`.`event` IN ('pricing_page_viewed')
                        AND COALESCE(NOT (
                          `t13`.`logged_in`
                        ), FALSE)
                        AND TRUE,
                        `t13`.`ts`,
                        NULL
                      )
                    ) AS `last__pricing_anonymous`,
                    COUNTIF(`t13`.`event` IN ('checkout_started') AND TRUE) AS `m__checkout`,
                    MAX(IF(`t13`.`event` IN ('checkout_started') AND TRUE, `t13`.`ts`, NULL)) AS `last__checkout`,
                    COUNTIF(`t13`.`event` IN ('premium_feature_used') AND TRUE) AS `m__premium_feature`,
                    MAX(IF(`t13`.`event` IN ('premium_feature_used') AND TRUE, `t13`.`ts`, NULL)) AS `last__premium_feature`,
                    COUNTIF(`t13`.`event` IN ('data_exported', 'report_generated') AND TRUE) AS `m__export`,
                    MAX(
                      IF(`t13`.`event` IN ('data_exported', 'report_generated') AND TRUE, `t13`.`ts`, NULL)
                    ) AS `last__export`,
                    COUNTIF(
                      `t13`.`event` IN ('login')
                      AND (
                        TRUE
                        AND (
                          `t13`.`ts_s` >= `t13`.`created_s`
                        )
                        AND (
                          `t13`.`ts_s` < (
                            `t13`.`created_s` + 604800.0
                          )
                        )
                      )
                    ) AS `m__logins_week_one`,
                    MAX(
                      IF(
                        `t13`.`event` IN ('login')
                        AND (
                          TRUE
                          AND (
                            `t13`.`ts_s` >= `t13`.`created_s`
                          )
                          AND (
                            `t13`.`ts_s` < (
                              `t13`.`created_s` + 604800.0
                            )
                          )
                        ),
                        `t13`.`ts`,
                        NULL
                      )
                    ) AS `last__logins_week_one`,
                    COUNTIF(
                      `t13`.`event` IN ('session_ended')
                      AND COALESCE(`t13`.`features_used` >= 3.0, FALSE)
                      AND TRUE
                    ) AS `m__session_depth`,
                    MAX(
                      IF(
                        `t13`.`event` IN ('session_ended')
                        AND COALESCE(`t13`.`features_used` >= 3.0, FALSE)
                        AND TRUE,
                        `t13`.`ts`,
                        NULL
                      )
                    ) AS `last__session_depth`,
                    MAX(IF(`t13`.`event` IN ('login'), `t13`.`ts_s`, NULL)) AS `act__inactive`,
                    COUNTIF(`t13`.`event` IN ('email_unsubscribed') AND TRUE) AS `m__unsubscribed`,
                    MAX(IF(`t13`.`event` IN ('email_unsubscribed') AND TRUE, `t13`.`ts`, NULL)) AS `last__unsubscribed`,
                    COUNTIF(`t13`.`event` IN ('plan_downgraded') AND TRUE) AS `m__downgraded`,
                    MAX(IF(`t13`.`event` IN ('plan_downgraded') AND TRUE, `t13`.`ts`, NULL)) AS `last__downgraded`,
                    COUNTIF(
                      `t13`.`event` IN (
                        'pricing_page_viewed',
                        'checkout_started',
                        'contact_sales_submitted',
                        'demo_requested'
                      )
                      AND (
                        TRUE
                        AND (
                          `t13`.`ts_s` > (
                            CAST(UNIX_SECONDS(DATETIME('2026-03-01T12:00:00')) AS FLOAT64) - 604800.0
                          )
                        )
                      )
                    ) AS `m__high_intent_7d`,
                    MAX(
                      IF(
                        `t13`.`event` IN (
                          'pricing_page_viewed',
                          'checkout_started',
                          'contact_sales_submitted',
                          'demo_requested'
                        )
                        AND (
                          TRUE
                          AND (
                            `t13`.`ts_s` > (
                              CAST(UNIX_SECONDS(DATETIME('2026-03-01T12:00:00')) AS FLOAT64) - 604800.0
                            )
                          )
                        ),
                        `t13`.`ts`,
                        NULL
                      )
                    ) AS `last__high_intent_7d`,
                    MAX(IF(TRUE, `t13`.`ts`, NULL)) AS `last_activity`
                  FROM `t11` AS `t13`
                  GROUP BY
                    1
                ) AS `t17`
              ) AS `t19`
                ON `t26`.`person_id` = `t19`.`_key`
            ) AS `t27`
          ) AS `t29`
          LEFT OUTER JOIN (
            SELECT
              `t22`.`person_id` AS `_key`,
              `t22`.`vf__burst`,
              `t22`.`vend__burst`
            FROM (
              SELECT
                `t21`.`person_id`,
                LOGICAL_OR(`t21`.`burst`) AS `vf__burst`,
                MAX(IF(`t21`.`burst`, `t21`.`ahead`, NULL)) AS `vend__burst`
              FROM (
                SELECT
                  `t16`.`person_id`,
                  `t16`.`ts_s`,
                  `t16`.`ahead`,
                  COALESCE((
                    `t16`.`ahead` - `t16`.`ts_s`
                  ) < 172800.0, FALSE) AS `burst`
                FROM (
                  SELECT
                    `t15`.`person_id`,
                    `t15`.`ts_s`,
                    LEAD(`t15`.`ts_s`, 4) OVER (PARTITION BY `t15`.`person_id` ORDER BY `t15`.`ts_s` ASC) AS `ahead`
                  FROM (
                    SELECT
                      *
                    FROM `t11` AS `t13`
                    WHERE
                      `t13`.`event` IN (
                        'onboarding_completed',
                        'core_feature_used',
                        'integration_connected',
                        'teammate_invited',
                        'pricing_page_viewed',
                        'checkout_started'
                      )
                      AND TRUE
                  ) AS `t15`
                ) AS `t16`
              ) AS `t21`
              GROUP BY
                1
            ) AS `t22`
          ) AS `t24`
            ON `t29`.`person_id` = `t24`.`_key`
        ) AS `t30`
      ) AS `t31`
    ) AS `t32`
  ) AS `t33`
) AS `t34`
