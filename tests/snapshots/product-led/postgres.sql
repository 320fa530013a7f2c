WITH "t12" AS (
  SELECT
    "t8"."person_id",
    "t8"."event",
    "t8"."ts",
    "t8"."event_id",
    "t8"."progress",
    "t8"."feature",
    "t8"."integration_type",
    "t8"."logged_in",
    "t8"."duration_s",
    "t8"."features_used",
    "t8"."ts_s",
    "t6"."created_s"
  FROM (
    SELECT
      "t1"."person_id",
      "t1"."event",
      "t1"."ts",
      "t1"."event_id",
      "t1"."progress",
      "t1"."feature",
      "t1"."integration_type",
      "t1"."logged_in",
      "t1"."duration_s",
      "t1"."features_used",
      CAST(EXTRACT('epoch' FROM "t1"."ts") AS DOUBLE PRECISION) AS "ts_s"
    FROM "events" AS "t1"
    WHERE
      "t1"."person_id" IS NOT NULL
      AND "t1"."event" IS NOT NULL
      AND "t1"."ts" IS NOT NULL
      AND "t1"."ts" <= CAST('2026-03-01T12:00:00' AS TIMESTAMP)
  ) AS "t8"
  INNER JOIN (
    SELECT
      "t0"."person_id",
      CAST(EXTRACT('epoch' FROM "t0"."created_at") AS DOUBLE PRECISION) AS "created_s"
    FROM "people" AS "t0"
    WHERE
      "t0"."person_id" IS NOT NULL
      AND (
        (
          "t0"."created_at" IS NULL
        )
        OR (
          "t0"."created_at" <= CAST('2026-03-01T12:00:00' AS TIMESTAMP)
        )
      )
  ) AS "t6"
    ON "t8"."person_id" = "t6"."person_id"
)
SELECT
  "t35"."person_id",
  "t35"."account_id",
  "t35"."fit",
  "t35"."behavior",
  "t35"."total",
  CASE
    WHEN TRUE
    AND COALESCE("t35"."total" >= 80.0, FALSE)
    AND COALESCE("t35"."fit" >= 15.0, FALSE)
    AND COALESCE("t35"."behavior" >= 40.0, FALSE)
    THEN 'PQL'
    ELSE CAST(NULL AS VARCHAR)
  END AS "status",
  CASE
    WHEN "t35"."fit" >= 35.0
    THEN 'strong'
    WHEN "t35"."fit" >= 20.0
    THEN 'moderate'
    ELSE 'weak'
  END AS "fit_tier",
  CASE
    WHEN "t35"."behavior" >= 60.0
    THEN 'high'
    WHEN "t35"."behavior" >= 30.0
    THEN 'medium'
    ELSE 'low'
  END AS "intent_tier",
  CASE
    WHEN CASE WHEN "t35"."fit" >= 35.0 THEN 0 WHEN "t35"."fit" >= 20.0 THEN 1 ELSE 2 END = 0
    THEN 'A'
    WHEN CASE WHEN "t35"."fit" >= 35.0 THEN 0 WHEN "t35"."fit" >= 20.0 THEN 1 ELSE 2 END = 1
    THEN 'B'
    WHEN CASE WHEN "t35"."fit" >= 35.0 THEN 0 WHEN "t35"."fit" >= 20.0 THEN 1 ELSE 2 END = 2
    THEN 'C'
    ELSE CAST(NULL AS VARCHAR)
  END || CAST(CASE
    WHEN "t35"."behavior" >= 60.0
    THEN 0
    WHEN "t35"."behavior" >= 30.0
    THEN 1
    ELSE 2
  END + 1 AS VARCHAR) AS "matrix",
  CAST('2026-03-01T12:00:00' AS TIMESTAMP) AS "score_date",
  '39cd35e009fd30a7' AS "logic_hash",
  "t35"."created_at",
  "t35"."email_domain",
  "t35"."email",
  "t35"."title",
  "t35"."plan",
  "t35"."country",
  "t35"."account__name",
  "t35"."account__domain",
  "t35"."account__employees",
  "t35"."account__industry",
  "t35"."account__country",
  "t35"."account__tech_stack",
  "t35"."fit__company_size",
  "t35"."fit__industry",
  "t35"."fit__seniority",
  "t35"."fit__tech_stack",
  "t35"."fit__geography",
  "t35"."fit__competitor",
  "t35"."fit__personal_email",
  "t35"."fit__student",
  "t35"."fitcase__company_size",
  "t35"."fv__company_size",
  "t35"."fitcase__industry",
  "t35"."fv__industry",
  "t35"."fitcase__seniority",
  "t35"."fv__seniority",
  "t35"."fitcase__tech_stack",
  "t35"."fv__tech_stack",
  "t35"."fitcase__geography",
  "t35"."fv__geography",
  "t35"."fitcase__competitor",
  "t35"."fv__competitor",
  "t35"."fitcase__personal_email",
  "t35"."fv__personal_email",
  "t35"."fitcase__student",
  "t35"."fv__student",
  "t35"."fit_rules",
  "t35"."m__onboarding",
  "t35"."last__onboarding",
  "t35"."m__core_feature",
  "t35"."last__core_feature",
  "t35"."m__integration",
  "t35"."last__integration",
  "t35"."m__invites",
  "t35"."last__invites",
  "t35"."m__pricing_logged_in",
  "t35"."last__pricing_logged_in",
  "t35"."m__pricing_anonymous",
  "t35"."last__pricing_anonymous",
  "t35"."m__checkout",
  "t35"."last__checkout",
  "t35"."m__premium_feature",
  "t35"."last__premium_feature",
  "t35"."m__export",
  "t35"."last__export",
  "t35"."m__logins_week_one",
  "t35"."last__logins_week_one",
  "t35"."m__session_depth",
  "t35"."last__session_depth",
  "t35"."act__inactive",
  "t35"."m__unsubscribed",
  "t35"."last__unsubscribed",
  "t35"."m__downgraded",
  "t35"."last__downgraded",
  "t35"."m__high_intent_7d",
  "t35"."last__high_intent_7d",
  "t35"."last_activity",
  "t35"."vf__burst",
  "t35"."vend__burst",
  "t35"."pts__onboarding",
  "t35"."pts__core_feature",
  "t35"."pts__integration",
  "t35"."pts__invites",
  "t35"."pts__pricing_logged_in",
  "t35"."pts__pricing_anonymous",
  "t35"."pts__checkout",
  "t35"."pts__premium_feature",
  "t35"."pts__export",
  "t35"."pts__logins_week_one",
  "t35"."pts__session_depth",
  "t35"."pts__inactive",
  "t35"."pts__unsubscribed",
  "t35"."pts__downgraded",
  "t35"."grp__onboarding",
  "t35"."grp__core_feature",
  "t35"."grp__integration",
  "t35"."grp__invites",
  "t35"."grp__pricing_logged_in",
  "t35"."grp__pricing_anonymous",
  "t35"."grp__checkout",
  "t35"."grp__premium_feature",
  "t35"."grp__export",
  "t35"."grp__logins_week_one",
  "t35"."grp__session_depth",
  "t35"."grp__inactive",
  "t35"."grp__unsubscribed",
  "t35"."grp__downgraded",
  "t35"."b__onboarding",
  "t35"."b__core_feature",
  "t35"."b__integration",
  "t35"."b__invites",
  "t35"."b__pricing_logged_in",
  "t35"."b__pricing_anonymous",
  "t35"."b__checkout",
  "t35"."b__premium_feature",
  "t35"."b__export",
  "t35"."b__logins_week_one",
  "t35"."b__session_depth",
  "t35"."b__inactive",
  "t35"."b__unsubscribed",
  "t35"."b__downgraded",
  "t35"."v__burst",
  "t35"."behavior_rules",
  "t35"."behavior_capped",
  "t35"."behavior_raw",
  "t35"."inactive_days",
  "t35"."decay_periods",
  "t35"."behavior_decayed",
  COALESCE("t35"."total" >= 80.0, FALSE) AS "cond__0__0",
  COALESCE("t35"."fit" >= 15.0, FALSE) AS "cond__0__1",
  COALESCE("t35"."behavior" >= 40.0, FALSE) AS "cond__0__2",
  TRUE
  AND COALESCE("t35"."total" >= 80.0, FALSE)
  AND COALESCE("t35"."fit" >= 15.0, FALSE)
  AND COALESCE("t35"."behavior" >= 40.0, FALSE) AS "is__0"
FROM (
  SELECT
    "t34"."person_id",
    "t34"."account_id",
    "t34"."created_at",
    "t34"."email_domain",
    "t34"."email",
    "t34"."title",
    "t34"."plan",
    "t34"."country",
    "t34"."fin__1",
    "t34"."account__name",
    "t34"."account__domain",
    "t34"."account__employees",
    "t34"."account__industry",
    "t34"."account__country",
    "t34"."account__tech_stack",
    "t34"."fin__0",
    "t34"."fin__2",
    "t34"."fin__3",
    "t34"."fit__company_size",
    "t34"."fit__industry",
    "t34"."fit__seniority",
    "t34"."fit__tech_stack",
    "t34"."fit__geography",
    "t34"."fit__competitor",
    "t34"."fit__personal_email",
    "t34"."fit__student",
    "t34"."fitcase__company_size",
    "t34"."fv__company_size",
    "t34"."fitcase__industry",
    "t34"."fv__industry",
    "t34"."fitcase__seniority",
    "t34"."fv__seniority",
    "t34"."fitcase__tech_stack",
    "t34"."fv__tech_stack",
    "t34"."fitcase__geography",
    "t34"."fv__geography",
    "t34"."fitcase__competitor",
    "t34"."fv__competitor",
    "t34"."fitcase__personal_email",
    "t34"."fv__personal_email",
    "t34"."fitcase__student",
    "t34"."fv__student",
    "t34"."fit_rules",
    "t34"."fit",
    "t34"."m__onboarding",
    "t34"."last__onboarding",
    "t34"."m__core_feature",
    "t34"."last__core_feature",
    "t34"."m__integration",
    "t34"."last__integration",
    "t34"."m__invites",
    "t34"."last__invites",
    "t34"."m__pricing_logged_in",
    "t34"."last__pricing_logged_in",
    "t34"."m__pricing_anonymous",
    "t34"."last__pricing_anonymous",
    "t34"."m__checkout",
    "t34"."last__checkout",
    "t34"."m__premium_feature",
    "t34"."last__premium_feature",
    "t34"."m__export",
    "t34"."last__export",
    "t34"."m__logins_week_one",
    "t34"."last__logins_week_one",
    "t34"."m__session_depth",
    "t34"."last__session_depth",
    "t34"."act__inactive",
    "t34"."m__unsubscribed",
    "t34"."last__unsubscribed",
    "t34"."m__downgraded",
    "t34"."last__downgraded",
    "t34"."m__high_intent_7d",
    "t34"."last__high_intent_7d",
    "t34"."last_activity",
    "t34"."vf__burst",
    "t34"."vend__burst",
    "t34"."pts__onboarding",
    "t34"."pts__core_feature",
    "t34"."pts__integration",
    "t34"."pts__invites",
    "t34"."pts__pricing_logged_in",
    "t34"."pts__pricing_anonymous",
    "t34"."pts__checkout",
    "t34"."pts__premium_feature",
    "t34"."pts__export",
    "t34"."pts__logins_week_one",
    "t34"."pts__session_depth",
    "t34"."pts__inactive",
    "t34"."pts__unsubscribed",
    "t34"."pts__downgraded",
    "t34"."grp__onboarding",
    "t34"."grp__core_feature",
    "t34"."grp__integration",
    "t34"."grp__invites",
    "t34"."grp__pricing_logged_in",
    "t34"."grp__pricing_anonymous",
    "t34"."grp__checkout",
    "t34"."grp__premium_feature",
    "t34"."grp__export",
    "t34"."grp__logins_week_one",
    "t34"."grp__session_depth",
    "t34"."grp__inactive",
    "t34"."grp__unsubscribed",
    "t34"."grp__downgraded",
    "t34"."b__onboarding",
    "t34"."b__core_feature",
    "t34"."b__integration",
    "t34"."b__invites",
    "t34"."b__pricing_logged_in",
    "t34"."b__pricing_anonymous",
    "t34"."b__checkout",
    "t34"."b__premium_feature",
    "t34"."b__export",
    "t34"."b__logins_week_one",
    "t34"."b__session_depth",
    "t34"."b__inactive",
    "t34"."b__unsubscribed",
    "t34"."b__downgraded",
    "t34"."v__burst",
    "t34"."behavior_rules",
    "t34"."behavior_capped",
    "t34"."behavior_raw",
    CAST(GREATEST(
      CAST(EXTRACT('epoch' FROM CAST('2026-03-01T12:00:00' AS TIMESTAMP)) AS DOUBLE PRECISION) - GREATEST(
        COALESCE(
          CAST(EXTRACT('epoch' FROM "t34"."last_activity") AS DOUBLE PRECISION),
          CAST(EXTRACT('epoch' FROM "t34"."created_at") AS DOUBLE PRECISION)
        ),
        COALESCE(
          CAST(EXTRACT('epoch' FROM "t34"."created_at") AS DOUBLE PRECISION),
          CAST(EXTRACT('epoch' FROM "t34"."last_activity") AS DOUBLE PRECISION)
        )
      ),
      0.0
    ) AS DOUBLE PRECISION) / 86400.0 AS "inactive_days",
    COALESCE(
      CAST(CAST(FLOOR(
        CAST(GREATEST(
          CAST(EXTRACT('epoch' FROM CAST('2026-03-01T12:00:00' AS TIMESTAMP)) AS DOUBLE PRECISION) - GREATEST(
            COALESCE(
              CAST(EXTRACT('epoch' FROM "t34"."last_activity") AS DOUBLE PRECISION),
              CAST(EXTRACT('epoch' FROM "t34"."created_at") AS DOUBLE PRECISION)
            ),
            COALESCE(
              CAST(EXTRACT('epoch' FROM "t34"."created_at") AS DOUBLE PRECISION),
              CAST(EXTRACT('epoch' FROM "t34"."last_activity") AS DOUBLE PRECISION)
            )
          ),
          0.0
        ) AS DOUBLE PRECISION) / 2592000.0
      ) AS BIGINT) AS DOUBLE PRECISION),
      0.0
    ) AS "decay_periods",
    COALESCE(
      CASE
        WHEN "t34"."behavior_raw" > 5.0
        THEN GREATEST(
          "t34"."behavior_raw" - (
            CAST(CAST(FLOOR(
              CAST(GREATEST(
                CAST(EXTRACT('epoch' FROM CAST('2026-03-01T12:00:00' AS TIMESTAMP)) AS DOUBLE PRECISION) - GREATEST(
                  COALESCE(
                    CAST(EXTRACT('epoch' FROM "t34"."last_activity") AS DOUBLE PRECISION),
                    CAST(EXTRACT('epoch' FROM "t34"."created_at") AS DOUBLE PRECISION)
                  ),
                  COALESCE(
                    CAST(EXTRACT('epoch' FROM "t34"."created_at") AS DOUBLE PRECISION),
                    CAST(EXTRACT('epoch' FROM "t34"."last_activity") AS DOUBLE PRECISION)
                  )
                ),
                0.0
              ) AS DOUBLE PRECISION) / 2592000.0
            ) AS BIGINT) AS DOUBLE PRECISION) * 10.0
          ),
          5.0
        )
        ELSE "t34"."behavior_raw"
      END,
      "t34"."behavior_raw"
    ) AS "behavior_decayed",
    GREATEST(
      COALESCE(
        CASE
          WHEN "t34"."behavior_raw" > 5.0
          THEN GREATEST(
            "t34"."behavior_raw" - (
              CAST(CAST(FLOOR(
                CAST(GREATEST(
                  CAST(EXTRACT('epoch' FROM CAST('2026-03-01T12:00:00' AS TIMESTAMP)) AS DOUBLE PRECISION) - GREATEST(
                    COALESCE(
                      CAST(EXTRACT('epoch' FROM "t34"."last_activity") AS DOUBLE PRECISION),
                      CAST(EXTRACT('epoch' FROM "t34"."created_at") AS DOUBLE PRECISION)
                    ),
                    COALESCE(
                      CAST(EXTRACT('epoch' FROM "t34"."created_at") AS DOUBLE PRECISION),
                      CAST(EXTRACT('epoch' FROM "t34"."last_activity") AS DOUBLE PRECISION)
                    )
                  ),
                  0.0
                ) AS DOUBLE PRECISION) / 2592000.0
              ) AS BIGINT) AS DOUBLE PRECISION) * 10.0
            ),
            5.0
          )
          ELSE "t34"."behavior_raw"
        END,
        "t34"."behavior_raw"
      ),
      0.0
    ) AS "behavior",
    (
      "t34"."fit" * 1
    ) + (
      GREATEST(
        COALESCE(
          CASE
            WHEN "t34"."behavior_raw" > 5.0
            THEN GREATEST(
              "t34"."behavior_raw" - (
                CAST(CAST(FLOOR(
                  CAST(GREATEST(
                    CAST(EXTRACT('epoch' FROM CAST('2026-03-01T12:00:00' AS TIMESTAMP)) AS DOUBLE PRECISION) - GREATEST(
                      COALESCE(
                        CAST(EXTRACT('epoch' FROM "t34"."last_activity") AS DOUBLE PRECISION),
                        CAST(EXTRACT('epoch' FROM "t34"."created_at") AS DOUBLE PRECISION)
                      ),
                      COALESCE(
                        CAST(EXTRACT('epoch' FROM "t34"."created_at") AS DOUBLE PRECISION),
                        CAST(EXTRACT('epoch' FROM "t34"."last_activity") AS DOUBLE PRECISION)
                      )
                    ),
                    0.0
                  ) AS DOUBLE PRECISION) / 2592000.0
                ) AS BIGINT) AS DOUBLE PRECISION) * 10.0
              ),
              5.0
            )
            ELSE "t34"."behavior_raw"
          END,
          "t34"."behavior_raw"
        ),
        0.0
      ) * 1
    ) AS "total"
  FROM (
    SELECT
      "t33"."person_id",
      "t33"."account_id",
      "t33"."created_at",
      "t33"."email_domain",
      "t33"."email",
      "t33"."title",
      "t33"."plan",
      "t33"."country",
      "t33"."fin__1",
      "t33"."account__name",
      "t33"."account__domain",
      "t33"."account__employees",
      "t33"."account__industry",
      "t33"."account__country",
      "t33"."account__tech_stack",
      "t33"."fin__0",
      "t33"."fin__2",
      "t33"."fin__3",
      "t33"."fit__company_size",
      "t33"."fit__industry",
      "t33"."fit__seniority",
      "t33"."fit__tech_stack",
      "t33"."fit__geography",
      "t33"."fit__competitor",
      "t33"."fit__personal_email",
      "t33"."fit__student",
      "t33"."fitcase__company_size",
      "t33"."fv__company_size",
      "t33"."fitcase__industry",
      "t33"."fv__industry",
      "t33"."fitcase__seniority",
      "t33"."fv__seniority",
      "t33"."fitcase__tech_stack",
      "t33"."fv__tech_stack",
      "t33"."fitcase__geography",
      "t33"."fv__geography",
      "t33"."fitcase__competitor",
      "t33"."fv__competitor",
      "t33"."fitcase__personal_email",
      "t33"."fv__personal_email",
      "t33"."fitcase__student",
      "t33"."fv__student",
      "t33"."fit_rules",
      "t33"."fit",
      "t33"."m__onboarding",
      "t33"."last__onboarding",
      "t33"."m__core_feature",
      "t33"."last__core_feature",
      "t33"."m__integration",
      "t33"."last__integration",
      "t33"."m__invites",
      "t33"."last__invites",
      "t33"."m__pricing_logged_in",
      "t33"."last__pricing_logged_in",
      "t33"."m__pricing_anonymous",
      "t33"."last__pricing_anonymous",
      "t33"."m__checkout",
      "t33"."last__checkout",
      "t33"."m__premium_feature",
      "t33"."last__premium_feature",
      "t33"."m__export",
      "t33"."last__export",
      "t33"."m__logins_week_one",
      "t33"."last__logins_week_one",
      "t33"."m__session_depth",
      "t33"."last__session_depth",
      "t33"."act__inactive",
      "t33"."m__unsubscribed",
      "t33"."last__unsubscribed",
      "t33"."m__downgraded",
      "t33"."last__downgraded",
      "t33"."m__high_intent_7d",
      "t33"."last__high_intent_7d",
      "t33"."last_activity",
      "t33"."vf__burst",
      "t33"."vend__burst",
      "t33"."pts__onboarding",
      "t33"."pts__core_feature",
      "t33"."pts__integration",
      "t33"."pts__invites",
      "t33"."pts__pricing_logged_in",
      "t33"."pts__pricing_anonymous",
      "t33"."pts__checkout",
      "t33"."pts__premium_feature",
      "t33"."pts__export",
      "t33"."pts__logins_week_one",
      "t33"."pts__session_depth",
      "t33"."pts__inactive",
      "t33"."pts__unsubscribed",
      "t33"."pts__downgraded",
      "t33"."pts__onboarding" AS "grp__onboarding",
      "t33"."pts__core_feature" AS "grp__core_feature",
      "t33"."pts__integration" AS "grp__integration",
      "t33"."pts__invites" AS "grp__invites",
      CASE
        WHEN "t33"."pts__pricing_logged_in" = GREATEST("t33"."pts__pricing_logged_in", "t33"."pts__pricing_anonymous")
        THEN "t33"."pts__pricing_logged_in"
        ELSE 0.0
      END AS "grp__pricing_logged_in",
      CASE
        WHEN (
          "t33"."pts__pricing_anonymous" = GREATEST("t33"."pts__pricing_logged_in", "t33"."pts__pricing_anonymous")
        )
        AND (
          "t33"."pts__pricing_logged_in" <> GREATEST("t33"."pts__pricing_logged_in", "t33"."pts__pricing_anonymous")
        )
        THEN "t33"."pts__pricing_anonymous"
        ELSE 0.0
      END AS "grp__pricing_anonymous",
      "t33"."pts__checkout" AS "grp__checkout",
      "t33"."pts__premium_feature" AS "grp__premium_feature",
      "t33"."pts__export" AS "grp__export",
      "t33"."pts__logins_week_one" AS "grp__logins_week_one",
      "t33"."pts__session_depth" AS "grp__session_depth",
      "t33"."pts__inactive" AS "grp__inactive",
      "t33"."pts__unsubscribed" AS "grp__unsubscribed",
      "t33"."pts__downgraded" AS "grp__downgraded",
      "t33"."pts__onboarding" AS "b__onboarding",
      "t33"."pts__core_feature" AS "b__core_feature",
      "t33"."pts__integration" AS "b__integration",
      "t33"."pts__invites" AS "b__invites",
      CASE
        WHEN "t33"."pts__pricing_logged_in" = GREATEST("t33"."pts__pricing_logged_in", "t33"."pts__pricing_anonymous")
        THEN "t33"."pts__pricing_logged_in"
        ELSE 0.0
      END AS "b__pricing_logged_in",
      CASE
        WHEN (
          "t33"."pts__pricing_anonymous" = GREATEST("t33"."pts__pricing_logged_in", "t33"."pts__pricing_anonymous")
        )
        AND (
          "t33"."pts__pricing_logged_in" <> GREATEST("t33"."pts__pricing_logged_in", "t33"."pts__pricing_anonymous")
        )
        THEN "t33"."pts__pricing_anonymous"
        ELSE 0.0
      END AS "b__pricing_anonymous",
      "t33"."pts__checkout" AS "b__checkout",
      "t33"."pts__premium_feature" AS "b__premium_feature",
      "t33"."pts__export" AS "b__export",
      "t33"."pts__logins_week_one" AS "b__logins_week_one",
      "t33"."pts__session_depth" AS "b__session_depth",
      "t33"."pts__inactive" AS "b__inactive",
      "t33"."pts__unsubscribed" AS "b__unsubscribed",
      "t33"."pts__downgraded" AS "b__downgraded",
      COALESCE(
        CASE
          WHEN COALESCE("t33"."vf__burst", FALSE)
          THEN CAST(25 AS DOUBLE PRECISION)
          ELSE 0.0
        END,
        0.0
      ) AS "v__burst",
      CAST(0 AS DOUBLE PRECISION) + "t33"."pts__onboarding" + "t33"."pts__core_feature" + "t33"."pts__integration" + "t33"."pts__invites" + CASE
        WHEN "t33"."pts__pricing_logged_in" = GREATEST("t33"."pts__pricing_logged_in", "t33"."pts__pricing_anonymous")
        THEN "t33"."pts__pricing_logged_in"
        ELSE 0.0
      END + CASE
        WHEN (
          "t33"."pts__pricing_anonymous" = GREATEST("t33"."pts__pricing_logged_in", "t33"."pts__pricing_anonymous")
        )
        AND (
          "t33"."pts__pricing_logged_in" <> GREATEST("t33"."pts__pricing_logged_in", "t33"."pts__pricing_anonymous")
        )
        THEN "t33"."pts__pricing_anonymous"
        ELSE 0.0
      END + "t33"."pts__checkout" + "t33"."pts__premium_feature" + "t33"."pts__export" + "t33"."pts__logins_week_one" + "t33"."pts__session_depth" + "t33"."pts__inactive" + "t33"."pts__unsubscribed" + "t33"."pts__downgraded" AS "behavior_rules",
      LEAST(
        CAST(0 AS DOUBLE PRECISION) + "t33"."pts__onboarding" + "t33"."pts__core_feature" + "t33"."pts__integration" + "t33"."pts__invites" + CASE
          WHEN "t33"."pts__pricing_logged_in" = GREATEST("t33"."pts__pricing_logged_in", "t33"."pts__pricing_anonymous")
          THEN "t33"."pts__pricing_logged_in"
          ELSE 0.0
        END + CASE
          WHEN (
            "t33"."pts__pricing_anonymous" = GREATEST("t33"."pts__pricing_logged_in", "t33"."pts__pricing_anonymous")
          )
          AND (
            "t33"."pts__pricing_logged_in" <> GREATEST("t33"."pts__pricing_logged_in", "t33"."pts__pricing_anonymous")
          )
          THEN "t33"."pts__pricing_anonymous"
          ELSE 0.0
        END + "t33"."pts__checkout" + "t33"."pts__premium_feature" + "t33"."pts__export" + "t33"."pts__logins_week_one" + "t33"."pts__session_depth" + "t33"."pts__inactive" + "t33"."pts__unsubscribed" + "t33"."pts__downgraded",
        100.0
      ) AS "behavior_capped",
      LEAST(
        CAST(0 AS DOUBLE PRECISION) + "t33"."pts__onboarding" + "t33"."pts__core_feature" + "t33"."pts__integration" + "t33"."pts__invites" + CASE
          WHEN "t33"."pts__pricing_logged_in" = GREATEST("t33"."pts__pricing_logged_in", "t33"."pts__pricing_anonymous")
          THEN "t33"."pts__pricing_logged_in"
          ELSE 0.0
        END + CASE
          WHEN (
            "t33"."pts__pricing_anonymous" = GREATEST("t33"."pts__pricing_logged_in", "t33"."pts__pricing_anonymous")
          )
          AND (
            "t33"."pts__pricing_logged_in" <> GREATEST("t33"."pts__pricing_logged_in", "t33"."pts__pricing_anonymous")
          )
          THEN "t33"."pts__pricing_anonymous"
          ELSE 0.0
        END + "t33"."pts__checkout" + "t33"."pts__premium_feature" + "t33"."pts__export" + "t33"."pts__logins_week_one" + "t33"."pts__session_depth" + "t33"."pts__inactive" + "t33"."pts__unsubscribed" + "t33"."pts__downgraded",
        100.0
      ) + (
        CAST(0 AS DOUBLE PRECISION) + COALESCE(
          CASE
            WHEN COALESCE("t33"."vf__burst", FALSE)
            THEN CAST(25 AS DOUBLE PRECISION)
            ELSE 0.0
          END,
          0.0
        )
      ) AS "behavior_raw"
    FROM (
      SELECT
        "t32"."person_id",
        "t32"."account_id",
        "t32"."created_at",
        "t32"."email_domain",
        "t32"."email",
        "t32"."title",
        "t32"."plan",
        "t32"."country",
        "t32"."fin__1",
        "t32"."account__name",
        "t32"."account__domain",
        "t32"."account__employees",
        "t32"."account__industry",
        "t32"."account__country",
        "t32"."account__tech_stack",
        "t32"."fin__0",
        "t32"."fin__2",
        "t32"."fin__3",
        "t32"."fit__company_size",
        "t32"."fit__industry",
        "t32"."fit__seniority",
        "t32"."fit__tech_stack",
        "t32"."fit__geography",
        "t32"."fit__competitor",
        "t32"."fit__personal_email",
        "t32"."fit__student",
        "t32"."fitcase__company_size",
        "t32"."fv__company_size",
        "t32"."fitcase__industry",
        "t32"."fv__industry",
        "t32"."fitcase__seniority",
        "t32"."fv__seniority",
        "t32"."fitcase__tech_stack",
        "t32"."fv__tech_stack",
        "t32"."fitcase__geography",
        "t32"."fv__geography",
        "t32"."fitcase__competitor",
        "t32"."fv__competitor",
        "t32"."fitcase__personal_email",
        "t32"."fv__personal_email",
        "t32"."fitcase__student",
        "t32"."fv__student",
        "t32"."fit_rules",
        "t32"."fit",
        "t32"."m__onboarding",
        "t32"."last__onboarding",
        "t32"."m__core_feature",
        "t32"."last__core_feature",
        "t32"."m__integration",
        "t32"."last__integration",
        "t32"."m__invites",
        "t32"."last__invites",
        "t32"."m__pricing_logged_in",
        "t32"."last__pricing_logged_in",
        "t32"."m__pricing_anonymous",
        "t32"."last__pricing_anonymous",
        "t32"."m__checkout",
        "t32"."last__checkout",
        "t32"."m__premium_feature",
        "t32"."last__premium_feature",
        "t32"."m__export",
        "t32"."last__export",
        "t32"."m__logins_week_one",
        "t32"."last__logins_week_one",
        "t32"."m__session_depth",
        "t32"."last__session_depth",
        "t32"."act__inactive",
        "t32"."m__unsubscribed",
        "t32"."last__unsubscribed",
        "t32"."m__downgraded",
        "t32"."last__downgraded",
        "t32"."m__high_intent_7d",
        "t32"."last__high_intent_7d",
        "t32"."last_activity",
        "t32"."vf__burst",
        "t32"."vend__burst",
        CASE
          WHEN COALESCE("t32"."m__onboarding", 0.0) >= 1.0
          THEN CAST(15 AS DOUBLE PRECISION)
          WHEN COALESCE("t32"."m__onboarding", 0.0) >= 0.5
          THEN CAST(8 AS DOUBLE PRECISION)
          ELSE CAST(0 AS DOUBLE PRECISION)
        END AS "pts__onboarding",
        CASE
          WHEN COALESCE(CAST("t32"."m__core_feature" AS DOUBLE PRECISION), 0.0) >= 3.0
          THEN CAST(20 AS DOUBLE PRECISION)
          ELSE CAST(0 AS DOUBLE PRECISION)
        END AS "pts__core_feature",
        CASE
          WHEN COALESCE(CAST("t32"."m__integration" AS DOUBLE PRECISION), 0.0) >= 1.0
          THEN CAST(15 AS DOUBLE PRECISION)
          ELSE CAST(0 AS DOUBLE PRECISION)
        END AS "pts__integration",
        CASE
          WHEN COALESCE(CAST("t32"."m__invites" AS DOUBLE PRECISION), 0.0) >= 2.0
          THEN CAST(15 AS DOUBLE PRECISION)
          WHEN COALESCE(CAST("t32"."m__invites" AS DOUBLE PRECISION), 0.0) >= 1.0
          THEN CAST(10 AS DOUBLE PRECISION)
          ELSE CAST(0 AS DOUBLE PRECISION)
        END AS "pts__invites",
        CASE
          WHEN COALESCE(CAST("t32"."m__pricing_logged_in" AS DOUBLE PRECISION), 0.0) >= 1.0
          THEN CAST(10 AS DOUBLE PRECISION)
          ELSE CAST(0 AS DOUBLE PRECISION)
        END AS "pts__pricing_logged_in",
        CASE
          WHEN COALESCE(CAST("t32"."m__pricing_anonymous" AS DOUBLE PRECISION), 0.0) >= 1.0
          THEN CAST(3 AS DOUBLE PRECISION)
          ELSE CAST(0 AS DOUBLE PRECISION)
        END AS "pts__pricing_anonymous",
        CASE
          WHEN COALESCE(CAST("t32"."m__checkout" AS DOUBLE PRECISION), 0.0) >= 1.0
          THEN CAST(15 AS DOUBLE PRECISION)
          ELSE CAST(0 AS DOUBLE PRECISION)
        END AS "pts__checkout",
        CASE
          WHEN COALESCE(CAST("t32"."m__premium_feature" AS DOUBLE PRECISION), 0.0) >= 1.0
          THEN CAST(8 AS DOUBLE PRECISION)
          ELSE CAST(0 AS DOUBLE PRECISION)
        END AS "pts__premium_feature",
        CASE
          WHEN COALESCE(CAST("t32"."m__export" AS DOUBLE PRECISION), 0.0) >= 1.0
          THEN CAST(5 AS DOUBLE PRECISION)
          ELSE CAST(0 AS DOUBLE PRECISION)
        END AS "pts__export",
        CASE
          WHEN COALESCE(CAST("t32"."m__logins_week_one" AS DOUBLE PRECISION), 0.0) >= 5.0
          THEN CAST(10 AS DOUBLE PRECISION)
          WHEN COALESCE(CAST("t32"."m__logins_week_one" AS DOUBLE PRECISION), 0.0) >= 3.0
          THEN CAST(5 AS DOUBLE PRECISION)
          WHEN COALESCE(CAST("t32"."m__logins_week_one" AS DOUBLE PRECISION), 0.0) >= 1.0
          THEN CAST(2 AS DOUBLE PRECISION)
          ELSE CAST(0 AS DOUBLE PRECISION)
        END AS "pts__logins_week_one",
        CASE
          WHEN COALESCE(CAST("t32"."m__session_depth" AS DOUBLE PRECISION), 0.0) >= 1.0
          THEN CAST(5 AS DOUBLE PRECISION)
          ELSE CAST(0 AS DOUBLE PRECISION)
        END AS "pts__session_depth",
        COALESCE(
          CAST(CAST(FLOOR(
            CAST((
              CAST(EXTRACT('epoch' FROM CAST('2026-03-01T12:00:00' AS TIMESTAMP)) AS DOUBLE PRECISION) - GREATEST(
                COALESCE(
                  "t32"."act__inactive",
                  CAST(EXTRACT('epoch' FROM "t32"."created_at") AS DOUBLE PRECISION)
                ),
                COALESCE(
                  CAST(EXTRACT('epoch' FROM "t32"."created_at") AS DOUBLE PRECISION),
                  "t32"."act__inactive"
                )
              )
            ) AS DOUBLE PRECISION) / 1209600.0
          ) AS BIGINT) AS DOUBLE PRECISION) * -10.0,
          0.0
        ) + 0.0 AS "pts__inactive",
        CASE
          WHEN COALESCE(CAST("t32"."m__unsubscribed" AS DOUBLE PRECISION), 0.0) >= 1.0
          THEN CAST(-5 AS DOUBLE PRECISION)
          ELSE CAST(0 AS DOUBLE PRECISION)
        END AS "pts__unsubscribed",
        CASE
          WHEN COALESCE(CAST("t32"."m__downgraded" AS DOUBLE PRECISION), 0.0) >= 1.0
          THEN CAST(-8 AS DOUBLE PRECISION)
          ELSE CAST(0 AS DOUBLE PRECISION)
        END AS "pts__downgraded"
      FROM (
        SELECT
          "t31"."person_id",
          "t31"."account_id",
          "t31"."created_at",
          "t31"."email_domain",
          "t31"."email",
          "t31"."title",
          "t31"."plan",
          "t31"."country",
          "t31"."fin__1",
          "t31"."account__name",
          "t31"."account__domain",
          "t31"."account__employees",
          "t31"."account__industry",
          "t31"."account__country",
          "t31"."account__tech_stack",
          "t31"."fin__0",
          "t31"."fin__2",
          "t31"."fin__3",
          "t31"."fit__company_size",
          "t31"."fit__industry",
          "t31"."fit__seniority",
          "t31"."fit__tech_stack",
          "t31"."fit__geography",
          "t31"."fit__competitor",
          "t31"."fit__personal_email",
          "t31"."fit__student",
          "t31"."fitcase__company_size",
          "t31"."fv__company_size",
          "t31"."fitcase__industry",
          "t31"."fv__industry",
          "t31"."fitcase__seniority",
          "t31"."fv__seniority",
          "t31"."fitcase__tech_stack",
          "t31"."fv__tech_stack",
          "t31"."fitcase__geography",
          "t31"."fv__geography",
          "t31"."fitcase__competitor",
          "t31"."fv__competitor",
          "t31"."fitcase__personal_email",
          "t31"."fv__personal_email",
          "t31"."fitcase__student",
          "t31"."fv__student",
          "t31"."fit_rules",
          "t31"."fit",
          "t31"."m__onboarding",
          "t31"."last__onboarding",
          "t31"."m__core_feature",
          "t31"."last__core_feature",
          "t31"."m__integration",
          "t31"."last__integration",
          "t31"."m__invites",
          "t31"."last__invites",
          "t31"."m__pricing_logged_in",
          "t31"."last__pricing_logged_in",
          "t31"."m__pricing_anonymous",
          "t31"."last__pricing_anonymous",
          "t31"."m__checkout",
          "t31"."last__checkout",
          "t31"."m__premium_feature",
          "t31"."last__premium_feature",
          "t31"."m__export",
          "t31"."last__export",
          "t31"."m__logins_week_one",
          "t31"."last__logins_week_one",
          "t31"."m__session_depth",
          "t31"."last__session_depth",
          "t31"."act__inactive",
          "t31"."m__unsubscribed",
          "t31"."last__unsubscribed",
          "t31"."m__downgraded",
          "t31"."last__downgraded",
          "t31"."m__high_intent_7d",
          "t31"."last__high_intent_7d",
          "t31"."last_activity",
          "t31"."vf__burst",
          "t31"."vend__burst"
        FROM (
          SELECT
            "t30"."person_id",
            "t30"."account_id",
            "t30"."created_at",
            "t30"."email_domain",
            "t30"."email",
            "t30"."title",
            "t30"."plan",
            "t30"."country",
            "t30"."fin__1",
            "t30"."account__name",
            "t30"."account__domain",
            "t30"."account__employees",
            "t30"."account__industry",
            "t30"."account__country",
            "t30"."account__tech_stack",
            "t30"."fin__0",
            "t30"."fin__2",
            "t30"."fin__3",
            "t30"."fit__company_size",
            "t30"."fit__industry",
            "t30"."fit__seniority",
            "t30"."fit__tech_stack",
            "t30"."fit__geography",
            "t30"."fit__competitor",
            "t30"."fit__personal_email",
            "t30"."fit__student",
            "t30"."fitcase__company_size",
            "t30"."fv__company_size",
            "t30"."fitcase__industry",
            "t30"."fv__industry",
            "t30"."fitcase__seniority",
            "t30"."fv__seniority",
            "t30"."fitcase__tech_stack",
            "t30"."fv__tech_stack",
            "t30"."fitcase__geography",
            "t30"."fv__geography",
            "t30"."fitcase__competitor",
            "t30"."fv__competitor",
            "t30"."fitcase__personal_email",
            "t30"."fv__personal_email",
            "t30"."fitcase__student",
            "t30"."fv__student",
            "t30"."fit_rules",
            "t30"."fit",
            "t30"."m__onboarding",
            "t30"."last__onboarding",
            "t30"."m__core_feature",
            "t30"."last__core_feature",
            "t30"."m__integration",
            "t30"."last__integration",
            "t30"."m__invites",
            "t30"."last__invites",
            "t30"."m__pricing_logged_in",
            "t30"."last__pricing_logged_in",
            "t30"."m__pricing_anonymous",
            "t30"."last__pricing_anonymous",
            "t30"."m__checkout",
            "t30"."last__checkout",
            "t30"."m__premium_feature",
            "t30"."last__premium_feature",
            "t30"."m__export",
            "t30"."last__export",
            "t30"."m__logins_week_one",
            "t30"."last__logins_week_one",
            "t30"."m__session_depth",
            "t30"."last__session_depth",
            "t30"."act__inactive",
            "t30"."m__unsubscribed",
            "t30"."last__unsubscribed",
            "t30"."m__downgraded",
            "t30"."last__downgraded",
            "t30"."m__high_intent_7d",
            "t30"."last__high_intent_7d",
            "t30"."last_activity",
            "t25"."_key",
            "t25"."vf__burst",
            "t25"."vend__burst"
          FROM (
            SELECT
              "t28"."person_id",
              "t28"."account_id",
              "t28"."created_at",
              "t28"."email_domain",
              "t28"."email",
              "t28"."title",
              "t28"."plan",
              "t28"."country",
              "t28"."fin__1",
              "t28"."account__name",
              "t28"."account__domain",
              "t28"."account__employees",
              "t28"."account__industry",
              "t28"."account__country",
              "t28"."account__tech_stack",
              "t28"."fin__0",
              "t28"."fin__2",
              "t28"."fin__3",
              "t28"."fit__company_size",
              "t28"."fit__industry",
              "t28"."fit__seniority",
              "t28"."fit__tech_stack",
              "t28"."fit__geography",
              "t28"."fit__competitor",
              "t28"."fit__personal_email",
              "t28"."fit__student",
              "t28"."fitcase__company_size",
              "t28"."fv__company_size",
              "t28"."fitcase__industry",
              "t28"."fv__industry",
              "t28"."fitcase__seniority",
              "t28"."fv__seniority",
              "t28"."fitcase__tech_stack",
              "t28"."fv__tech_stack",
              "t28"."fitcase__geography",
              "t28"."fv__geography",
              "t28"."fitcase__competitor",
              "t28"."fv__competitor",
              "t28"."fitcase__personal_email",
              "t28"."fv__personal_email",
              "t28"."fitcase__student",
              "t28"."fv__student",
              "t28"."fit_rules",
              "t28"."fit",
              "t28"."m__onboarding",
              "t28"."last__onboarding",
              "t28"."m__core_feature",
              "t28"."last__core_feature",
              "t28"."m__integration",
              "t28"."last__integration",
              "t28"."m__invites",
              "t28"."last__invites",
              "t28"."m__pricing_logged_in",
              "t28"."last__pricing_logged_in",
              "t28"."m__pricing_anonymous",
              "t28"."last__pricing_anonymous",
              "t28"."m__checkout",
              "t28"."last__checkout",
              "t28"."m__premium_feature",
              "t28"."last__premium_feature",
              "t28"."m__export",
              "t28"."last__export",
              "t28"."m__logins_week_one",
              "t28"."last__logins_week_one",
              "t28"."m__session_depth",
              "t28"."last__session_depth",
              "t28"."act__inactive",
              "t28"."m__unsubscribed",
              "t28"."last__unsubscribed",
              "t28"."m__downgraded",
              "t28"."last__downgraded",
              "t28"."m__high_intent_7d",
              "t28"."last__high_intent_7d",
              "t28"."last_activity"
            FROM (
              SELECT
                "t27"."person_id",
                "t27"."account_id",
                "t27"."created_at",
                "t27"."email_domain",
                "t27"."email",
                "t27"."title",
                "t27"."plan",
                "t27"."country",
                "t27"."fin__1",
                "t27"."account__name",
                "t27"."account__domain",
                "t27"."account__employees",
                "t27"."account__industry",
                "t27"."account__country",
                "t27"."account__tech_stack",
                "t27"."fin__0",
                "t27"."fin__2",
                "t27"."fin__3",
                "t27"."fit__company_size",
                "t27"."fit__industry",
                "t27"."fit__seniority",
                "t27"."fit__tech_stack",
                "t27"."fit__geography",
                "t27"."fit__competitor",
                "t27"."fit__personal_email",
                "t27"."fit__student",
                "t27"."fitcase__company_size",
                "t27"."fv__company_size",
                "t27"."fitcase__industry",
                "t27"."fv__industry",
                "t27"."fitcase__seniority",
                "t27"."fv__seniority",
                "t27"."fitcase__tech_stack",
                "t27"."fv__tech_stack",
                "t27"."fitcase__geography",
                "t27"."fv__geography",
                "t27"."fitcase__competitor",
                "t27"."fv__competitor",
                "t27"."fitcase__personal_email",
                "t27"."fv__personal_email",
                "t27"."fitcase__student",
                "t27"."fv__student",
                "t27"."fit_rules",
                "t27"."fit",
                "t20"."_key",
                "t20"."m__onboarding",
                "t20"."last__onboarding",
                "t20"."m__core_feature",
                "t20"."last__core_feature",
                "t20"."m__integration",
                "t20"."last__integration",
                "t20"."m__invites",
                "t20"."last__invites",
                "t20"."m__pricing_logged_in",
                "t20"."last__pricing_logged_in",
                "t20"."m__pricing_anonymous",
                "t20"."last__pricing_anonymous",
                "t20"."m__checkout",
                "t20"."last__checkout",
                "t20"."m__premium_feature",
                "t20"."last__premium_feature",
                "t20"."m__export",
                "t20"."last__export",
                "t20"."m__logins_week_one",
                "t20"."last__logins_week_one",
                "t20"."m__session_depth",
                "t20"."last__session_depth",
                "t20"."act__inactive",
                "t20"."m__unsubscribed",
                "t20"."last__unsubscribed",
                "t20"."m__downgraded",
                "t20"."last__downgraded",
                "t20"."m__high_intent_7d",
                "t20"."last__high_intent_7d",
                "t20"."last_activity"
              FROM (
                SELECT
                  "t21"."person_id",
                  "t21"."account_id",
                  "t21"."created_at",
                  "t21"."email_domain",
                  "t21"."email",
                  "t21"."title",
                  "t21"."plan",
                  "t21"."country",
                  "t21"."fin__1",
                  "t21"."account__name",
                  "t21"."account__domain",
                  "t21"."account__employees",
                  "t21"."account__industry",
                  "t21"."account__country",
                  "t21"."account__tech_stack",
                  "t21"."fin__0",
                  "t21"."fin__2",
                  "t21"."fin__3",
                  "t21"."fit__company_size",
                  "t21"."fit__industry",
                  "t21"."fit__seniority",
                  "t21"."fit__tech_stack",
                  "t21"."fit__geography",
                  "t21"."fit__competitor",
                  "t21"."fit__personal_email",
                  "t21"."fit__student",
                  "t21"."fitcase__company_size",
                  "t21"."fv__company_size",
                  "t21"."fitcase__industry",
                  "t21"."fv__industry",
                  "t21"."fitcase__seniority",
                  "t21"."fv__seniority",
                  "t21"."fitcase__tech_stack",
                  "t21"."fv__tech_stack",
                  "t21"."fitcase__geography",
                  "t21"."fv__geography",
                  "t21"."fitcase__competitor",
                  "t21"."fv__competitor",
                  "t21"."fitcase__personal_email",
                  "t21"."fv__personal_email",
                  "t21"."fitcase__student",
                  "t21"."fv__student",
                  CAST(0 AS DOUBLE PRECISION) + "t21"."fit__company_size" + "t21"."fit__industry" + "t21"."fit__seniority" + "t21"."fit__tech_stack" + "t21"."fit__geography" + "t21"."fit__competitor" + "t21"."fit__personal_email" + "t21"."fit__student" AS "fit_rules",
                  GREATEST(
                    LEAST(
                      CAST(0 AS DOUBLE PRECISION) + "t21"."fit__company_size" + "t21"."fit__industry" + "t21"."fit__seniority" + "t21"."fit__tech_stack" + "t21"."fit__geography" + "t21"."fit__competitor" + "t21"."fit__personal_email" + "t21"."fit__student",
                      50.0
                    ),
                    0.0
                  ) AS "fit"
                FROM (
                  SELECT
                    "t16"."person_id",
                    "t16"."account_id",
                    "t16"."created_at",
                    "t16"."email_domain",
                    "t16"."email",
                    "t16"."title",
                    "t16"."plan",
                    "t16"."country",
                    "t16"."fin__1",
                    "t16"."account__name",
                    "t16"."account__domain",
                    "t16"."account__employees",
                    "t16"."account__industry",
                    "t16"."account__country",
                    "t16"."account__tech_stack",
                    "t16"."fin__0",
                    "t16"."fin__2",
                    "t16"."fin__3",
                    CASE
                      WHEN CAST("t16"."account__employees" AS DOUBLE PRECISION) BETWEEN 50.0 AND 500.0
                      THEN CAST(15 AS DOUBLE PRECISION)
                      WHEN CAST("t16"."account__employees" AS DOUBLE PRECISION) BETWEEN 25.0 AND 49.0
                      THEN CAST(8 AS DOUBLE PRECISION)
                      WHEN CAST("t16"."account__employees" AS DOUBLE PRECISION) BETWEEN 501.0 AND 1000.0
                      THEN CAST(8 AS DOUBLE PRECISION)
                      ELSE CAST(0 AS DOUBLE PRECISION)
                    END AS "fit__company_size",
                    CASE
                      WHEN "t16"."fin__0" IN ('saas', 'software', 'technology')
                      THEN CAST(10 AS DOUBLE PRECISION)
                      WHEN "t16"."fin__0" IN ('fintech', 'marketing', 'e-commerce')
                      THEN CAST(5 AS DOUBLE PRECISION)
                      ELSE CAST(0 AS DOUBLE PRECISION)
                    END AS "fit__industry",
                    CASE
                      WHEN "t16"."title" IS NULL
                      THEN CAST(0 AS DOUBLE PRECISION)
                      ELSE CASE
                        WHEN "t16"."fin__1" ~ '\y(vp|vice president|director|head of|chief|c[etmorf]o|founder|owner|president)\y'
                        THEN CAST(10 AS DOUBLE PRECISION)
                        WHEN "t16"."fin__1" ~ '\ymanager\y'
                        THEN CAST(6 AS DOUBLE PRECISION)
                        ELSE CAST(2 AS DOUBLE PRECISION)
                      END
                    END AS "fit__seniority",
                    CASE
                      WHEN FALSE
                      OR (
                        POSITION('salesforce' IN "t16"."fin__2") > 0
                      )
                      OR (
                        POSITION('hubspot' IN "t16"."fin__2") > 0
                      )
                      THEN CAST(8 AS DOUBLE PRECISION)
                      WHEN FALSE
                      OR (
                        POSITION('segment' IN "t16"."fin__2") > 0
                      )
                      OR (
                        POSITION('snowflake' IN "t16"."fin__2") > 0
                      )
                      OR (
                        POSITION('slack' IN "t16"."fin__2") > 0
                      )
                      THEN CAST(4 AS DOUBLE PRECISION)
                      ELSE CAST(0 AS DOUBLE PRECISION)
                    END AS "fit__tech_stack",
                    CASE
                      WHEN "t16"."fin__3" IN ('us', 'ca')
                      THEN CAST(7 AS DOUBLE PRECISION)
                      WHEN "t16"."fin__3" IN ('gb', 'ie', 'de', 'fr', 'nl', 'se', 'dk', 'au')
                      THEN CAST(4 AS DOUBLE PRECISION)
                      ELSE CAST(0 AS DOUBLE PRECISION)
                    END AS "fit__geography",
                    CASE
                      WHEN "t16"."email_domain" IN ('rivalscore.io', 'leadrival.com', 'scorehub.com')
                      THEN CAST(-30 AS DOUBLE PRECISION)
                      ELSE CAST(0 AS DOUBLE PRECISION)
                    END AS "fit__competitor",
                    CASE
                      WHEN "t16"."email_domain" IN (
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
                      )
                      THEN CAST(-15 AS DOUBLE PRECISION)
                      ELSE CAST(0 AS DOUBLE PRECISION)
                    END AS "fit__personal_email",
                    CASE
                      WHEN "t16"."email_domain" ~ '\.edu$|\.ac\.[a-z]{2}$'
                      THEN CAST(-10 AS DOUBLE PRECISION)
                      ELSE CAST(0 AS DOUBLE PRECISION)
                    END AS "fit__student",
                    CASE
                      WHEN CAST("t16"."account__employees" AS DOUBLE PRECISION) BETWEEN 50.0 AND 500.0
                      THEN 0
                      WHEN CAST("t16"."account__employees" AS DOUBLE PRECISION) BETWEEN 25.0 AND 49.0
                      THEN 1
                      WHEN CAST("t16"."account__employees" AS DOUBLE PRECISION) BETWEEN 501.0 AND 1000.0
                      THEN 2
                      ELSE -1
                    END AS "fitcase__company_size",
                    CAST("t16"."account__employees" AS VARCHAR) AS "fv__company_size",
                    CASE
                      WHEN "t16"."fin__0" IN ('saas', 'software', 'technology')
                      THEN 0
                      WHEN "t16"."fin__0" IN ('fintech', 'marketing', 'e-commerce')
                      THEN 1
                      ELSE -1
                    END AS "fitcase__industry",
                    "t16"."account__industry" AS "fv__industry",
                    CASE
                      WHEN "t16"."title" IS NULL
                      THEN -2
                      ELSE CASE
                        WHEN "t16"."fin__1" ~ '\y(vp|vice president|director|head of|chief|c[etmorf]o|founder|owner|president)\y'
                        THEN 0
                        WHEN "t16"."fin__1" ~ '\ymanager\y'
                        THEN 1
                        ELSE -1
                      END
                    END AS "fitcase__seniority",
                    "t16"."title" AS "fv__seniority",
                    CASE
                      WHEN FALSE
                      OR (
                        POSITION('salesforce' IN "t16"."fin__2") > 0
                      )
                      OR (
                        POSITION('hubspot' IN "t16"."fin__2") > 0
                      )
                      THEN 0
                      WHEN FALSE
                      OR (
                        POSITION('segment' IN "t16"."fin__2") > 0
                      )
                      OR (
                        POSITION('snowflake' IN "t16"."fin__2") > 0
                      )
                      OR (
                        POSITION('slack' IN "t16"."fin__2") > 0
                      )
                      THEN 1
                      ELSE -1
                    END AS "fitcase__tech_stack",
                    "t16"."account__tech_stack" AS "fv__tech_stack",
                    CASE
                      WHEN "t16"."fin__3" IN ('us', 'ca')
                      THEN 0
                      WHEN "t16"."fin__3" IN ('gb', 'ie', 'de', 'fr', 'nl', 'se', 'dk', 'au')
                      THEN 1
                      ELSE -1
                    END AS "fitcase__geography",
                    "t16"."account__country" AS "fv__geography",
                    CASE
                      WHEN "t16"."email_domain" IN ('rivalscore.io', 'leadrival.com', 'scorehub.com')
                      THEN 0
                      ELSE -1
                    END AS "fitcase__competitor",
                    "t16"."email_domain" AS "fv__competitor",
                    CASE
                      WHEN "t16"."email_domain" IN (
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
                      )
                      THEN 0
                      ELSE -1
                    END AS "fitcase__personal_email",
                    "t16"."email_domain" AS "fv__personal_email",
                    CASE WHEN "t16"."email_domain" ~ '\.edu$|\.ac\.[a-z]{2}$' THEN 0 ELSE -1 END AS "fitcase__student",
                    "t16"."email_domain" AS "fv__student"
                  FROM (
                    SELECT
                      "t14"."person_id",
                      "t14"."account_id",
                      "t14"."created_at",
                      "t14"."email_domain",
                      "t14"."email",
                      "t14"."title",
                      "t14"."plan",
                      "t14"."country",
                      "t14"."fin__1",
                      "t14"."account__name",
                      "t14"."account__domain",
                      "t14"."account__employees",
                      "t14"."account__industry",
                      "t14"."account__country",
                      "t14"."account__tech_stack",
                      "t14"."fin__0",
                      "t14"."fin__2",
                      "t14"."fin__3"
                    FROM (
                      SELECT
                        "t9"."person_id",
                        "t9"."account_id",
                        "t9"."created_at",
                        "t9"."email_domain",
                        "t9"."email",
                        "t9"."title",
                        "t9"."plan",
                        "t9"."country",
                        "t9"."fin__1",
                        "t11"."account__account_id",
                        "t11"."account__name",
                        "t11"."account__domain",
                        "t11"."account__employees",
                        "t11"."account__industry",
                        "t11"."account__country",
                        "t11"."account__tech_stack",
                        "t11"."fin__0",
                        "t11"."fin__2",
                        "t11"."fin__3"
                      FROM (
                        SELECT
                          "t0"."person_id",
                          NULLIF(TRIM(' 	
\x0d\x0b\x0c' FROM "t0"."account_id"), '') AS "account_id",
                          "t0"."created_at",
                          NULLIF(
                            LOWER(
                              CASE
                                WHEN "t0"."email" ~ (
                                  '(' || '@([^@\s\v]+)[\s\v]*$' || ')'
                                )
                                THEN (
                                  REGEXP_MATCH("t0"."email", '(' || '@([^@\s\v]+)[\s\v]*$' || ')')
                                )[2]
                                ELSE NULL
                              END
                            ),
                            ''
                          ) AS "email_domain",
                          NULLIF(TRIM(' 	
\x0d\x0b\x0c' FROM "t0"."email"), '') AS "email",
                          NULLIF(TRIM(' 	
\x0d\x0b\x0c' FROM "t0"."title"), '') AS "title",
                          NULLIF(TRIM(' 	
\x0d\x0b\x0c' FROM "t0"."plan"), '') AS "plan",
                          NULLIF(TRIM(' 	
\x0d\x0b\x0c' FROM "t0"."country"), '') AS "country",
                          LOWER(NULLIF(TRIM(' 	
\x0d\x0b\x0c' FROM "t0"."title"), '')) AS "fin__1"
                        FROM "people" AS "t0"
                        WHERE
                          "t0"."person_id" IS NOT NULL
                          AND (
                            (
                              "t0"."created_at" IS NULL
                            )
                            OR (
                              "t0"."created_at" <= CAST('2026-03-01T12:00:00' AS TIMESTAMP)
                            )
                          )
                      ) AS "t9"
                      LEFT OUTER JOIN (
                        SELECT
                          "t5"."account__account_id",
                          "t5"."account__name",
                          "t5"."account__domain",
                          "t5"."account__employees",
                          "t5"."account__industry",
                          "t5"."account__country",
                          "t5"."account__tech_stack",
                          LOWER("t5"."account__industry") AS "fin__0",
                          LOWER("t5"."account__tech_stack") AS "fin__2",
                          LOWER("t5"."account__country") AS "fin__3"
                        FROM (
                          SELECT
                            "t2"."account_id" AS "account__account_id",
                            NULLIF(TRIM(' 	
\x0d\x0b\x0c' FROM "t2"."name"), '') AS "account__name",
                            NULLIF(TRIM(' 	
\x0d\x0b\x0c' FROM "t2"."domain"), '') AS "account__domain",
                            "t2"."employees" AS "account__employees",
                            NULLIF(TRIM(' 	
\x0d\x0b\x0c' FROM "t2"."industry"), '') AS "account__industry",
                            NULLIF(TRIM(' 	
\x0d\x0b\x0c' FROM "t2"."country"), '') AS "account__country",
                            NULLIF(TRIM(' 	
\x0d\x0b\x0c' FROM "t2"."tech_stack"), '') AS "account__tech_stack"
                          FROM "accounts" AS "t2"
                        ) AS "t5"
                      ) AS "t11"
                        ON "t9"."account_id" = "t11"."account__account_id"
                    ) AS "t14"
                  ) AS "t16"
                ) AS "t21"
              ) AS "t27"
              LEFT OUTER JOIN (
                SELECT
                  "t18"."person_id" AS "_key",
                  "t18"."m__onboarding",
                  "t18"."last__onboarding",
                  "t18"."m__core_feature",
                  "t18"."last__core_feature",
                  "t18"."m__integration",
                  "t18"."last__integration",
                  "t18"."m__invites",
                  "t18"."last__invites",
                  "t18"."m__pricing_logged_in",
                  "t18"."last__pricing_logged_in",
                  "t18"."m__pricing_anonymous",
                  "t18"."last__pricing_anonymous",
                  "t18"."m__checkout",
                  "t18"."last__checkout",
                  "t18"."m__premium_feature",
                  "t18"."last__premium_feature",
                  "t18"."m__export",
                  "t18"."last__export",
                  "t18"."m__logins_week_one",
                  "t18"."last__logins_week_one",
                  "t18"."m__session_depth",
                  "t18"."last__session_depth",
                  "t18"."act__inactive",
                  "t18"."m__unsubscribed",
                  "t18"."last__unsubscribed",
                  "t18"."m__downgraded",
                  "t18"."last__downgraded",
                  "t18"."m__high_intent_7d",
                  "t18"."last__high_intent_7d",
                  "t18"."last_activity"
                FROM (
                  SELECT
                    "t13"."person_id",
                    MAX("t13"."progress") FILTER(WHERE
                      (
                        "t13"."event" = 'onboarding_progress'
                      ) AND TRUE) AS "m__onboarding",
                    MAX("t13"."ts") FILTER(WHERE
                      (
                        "t13"."event" = 'onboarding_progress'
                      ) AND TRUE) AS "last__onboarding",
                    COUNT(*) FILTER(WHERE
                      (
                        "t13"."event" = 'core_feature_used'
                      )
                      AND (
                        TRUE
                        AND (
                          "t13"."ts_s" >= "t13"."created_s"
                        )
                        AND (
                          "t13"."ts_s" < (
                            "t13"."created_s" + 1209600.0
                          )
                        )
                      )) AS "m__core_feature",
                    MAX("t13"."ts") FILTER(WHERE
                      (
                        "t13"."event" = 'core_feature_used'
                      )
                      AND (
                        TRUE
                        AND (
                          "t13"."ts_s" >= "t13"."created_s"
                        )
                        AND (
                          "t13"."ts_s" < (
                            "t13"."created_s" + 1209600.0
                          )
                        )
                      )) AS "last__core_feature",
                    COUNT(*) FILTER(WHERE
                      (
                        "t13"."event" = 'integration_connected'
                      ) AND TRUE) AS "m__integration",
                    MAX("t13"."ts") FILTER(WHERE
                      (
                        "t13"."event" = 'integration_connected'
                      ) AND TRUE) AS "last__integration",
                    COUNT(*) FILTER(WHERE
                      (
                        "t13"."event" = 'teammate_invited'
                      ) AND TRUE) AS "m__invites",
                    MAX("t13"."ts") FILTER(WHERE
                      (
                        "t13"."event" = 'teammate_invited'
                      ) AND TRUE) AS "last__invites",
                    COUNT(*) FILTER(WHERE
                      (
                        "t13"."event" = 'pricing_page_viewed'
                      )
                      AND COALESCE("t13"."logged_in", FALSE)
                      AND TRUE) AS "m__pricing_logged_in",
                    MAX("t13"."ts") FILTER(WHERE
                      (
                        "t13"."event" = 'pricing_page_viewed'
                      )
                      AND COALESCE("t13"."logged_in", FALSE)
                      AND TRUE) AS "last__pricing_logged_in",
                    COUNT(*) FILTER(WHERE
                      (
                        "t13"."event" = 'pricing_page_viewed'
                      )
                      AND COALESCE(NOT (
                        "t13"."logged_in"
                      ), FALSE)
                      AND TRUE) AS "m__pricing_anonymous",
                    MAX("t13"."ts") FILTER(WHERE
                      (
                        "t13"."event" = 'pricing_page_viewed'
                      )
                      AND COALESCE(NOT (
                        "t13"."logged_in"
                      ), FALSE)
                      AND TRUE) AS "last__pricing_anonymous",
                    COUNT(*) FILTER(WHERE
                      (
                        "t13"."event" = 'checkout_started'
                      ) AND TRUE) AS "m__checkout",
                    MAX("t13"."ts") FILTER(WHERE
                      (
                        "t13"."event" = 'checkout_started'
                      ) AND TRUE) AS "last__checkout",
                    COUNT(*) FILTER(WHERE
                      (
                        "t13"."event" = 'premium_feature_used'
                      ) AND TRUE) AS "m__premium_feature",
                    MAX("t13"."ts") FILTER(WHERE
                      (
                        "t13"."event" = 'premium_feature_used'
                      ) AND TRUE) AS "last__premium_feature",
                    COUNT(*) FILTER(WHERE
                      "t13"."event" IN ('data_exported', 'report_generated') AND TRUE) AS "m__export",
                    MAX("t13"."ts") FILTER(WHERE
                      "t13"."event" IN ('data_exported', 'report_generated') AND TRUE) AS "last__export",
                    COUNT(*) FILTER(WHERE
                      (
                        "t13"."event" = 'login'
                      )
                      AND (
                        TRUE
                        AND (
                          "t13"."ts_s" >= "t13"."created_s"
                        )
                        AND (
                          "t13"."ts_s" < (
                            "t13"."created_s" + 604800.0
                          )
                        )
                      )) AS "m__logins_week_one",
                    MAX("t13"."ts") FILTER(WHERE
                      (
                        "t13"."event" = 'login'
                      )
                      AND (
                        TRUE
                        AND (
                          "t13"."ts_s" >= "t13"."created_s"
                        )
                        AND (
                          "t13"."ts_s" < (
                            "t13"."created_s" + 604800.0
                          )
                        )
                      )) AS "last__logins_week_one",
                    COUNT(*) FILTER(WHERE
                      (
                        "t13"."event" = 'session_ended'
                      )
                      AND COALESCE("t13"."features_used" >= 3, FALSE)
                      AND TRUE) AS "m__session_depth",
                    MAX("t13"."ts") FILTER(WHERE
                      (
                        "t13"."event" = 'session_ended'
                      )
                      AND COALESCE("t13"."features_used" >= 3, FALSE)
                      AND TRUE) AS "last__session_depth",
                    MAX("t13"."ts_s") FILTER(WHERE
                      "t13"."event" = 'login') AS "act__inactive",
                    COUNT(*) FILTER(WHERE
                      (
                        "t13"."event" = 'email_unsubscribed'
                      ) AND TRUE) AS "m__unsubscribed",
                    MAX("t13"."ts") FILTER(WHERE
                      (
                        "t13"."event" = 'email_unsubscribed'
                      ) AND TRUE) AS "last__unsubscribed",
                    COUNT(*) FILTER(WHERE
                      (
                        "t13"."event" = 'plan_downgraded'
                      ) AND TRUE) AS "m__downgraded",
                    MAX("t13"."ts") FILTER(WHERE
                      (
                        "t13"."event" = 'plan_downgraded'
                      ) AND TRUE) AS "last__downgraded",
                    COUNT(*) FILTER(WHERE
                      "t13"."event" IN (
                        'pricing_page_viewed',
                        'checkout_started',
                        'contact_sales_submitted',
                        'demo_requested'
                      )
                      AND (
                        TRUE
                        AND (
                          "t13"."ts_s" > (
                            CAST(EXTRACT('epoch' FROM CAST('2026-03-01T12:00:00' AS TIMESTAMP)) AS DOUBLE PRECISION) - 604800.0
                          )
                        )
                      )) AS "m__high_intent_7d",
                    MAX("t13"."ts") FILTER(WHERE
                      "t13"."event" IN (
                        'pricing_page_viewed',
                        'checkout_started',
                        'contact_sales_submitted',
                        'demo_requested'
                      )
                      AND (
                        TRUE
                        AND (
                          "t13"."ts_s" > (
                            CAST(EXTRACT('epoch' FROM CAST('2026-03-01T12:00:00' AS TIMESTAMP)) AS DOUBLE PRECISION) - 604800.0
                          )
                        )
                      )) AS "last__high_intent_7d",
                    MAX("t13"."ts") AS "last_activity"
                  FROM "t12" AS "t13"
                  GROUP BY
                    1
                ) AS "t18"
              ) AS "t20"
                ON "t27"."person_id" = "t20"."_key"
            ) AS "t28"
          ) AS "t30"
          LEFT OUTER JOIN (
            SELECT
              "t23"."person_id" AS "_key",
              "t23"."vf__burst",
              "t23"."vend__burst"
            FROM (
              SELECT
                "t22"."person_id",
                BOOL_OR("t22"."burst") AS "vf__burst",
                MAX("t22"."ahead") FILTER(WHERE
                  "t22"."burst") AS "vend__burst"
              FROM (
                SELECT
                  "t17"."person_id",
                  "t17"."ts_s",
                  "t17"."ahead",
                  COALESCE((
                    "t17"."ahead" - "t17"."ts_s"
                  ) < 172800.0, FALSE) AS "burst"
                FROM (
                  SELECT
                    "t15"."person_id",
                    "t15"."ts_s",
                    LEAD("t15"."ts_s", 4) OVER (
                      PARTITION BY "t15"."person_id"
                      ORDER BY "t15"."ts_s" ASC
                      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                    ) AS "ahead"
                  FROM (
                    SELECT
                      *
                    FROM "t12" AS "t13"
                    WHERE
                      "t13"."event" IN (
                        'onboarding_completed',
                        'core_feature_used',
                        'integration_connected',
                        'teammate_invited',
                        'pricing_page_viewed',
                        'checkout_started'
                      )
                  ) AS "t15"
                ) AS "t17"
              ) AS "t22"
              GROUP BY
                1
            ) AS "t23"
          ) AS "t25"
            ON "t30"."person_id" = "t25"."_key"
        ) AS "t31"
      ) AS "t32"
    ) AS "t33"
  ) AS "t34"
) AS "t35"
