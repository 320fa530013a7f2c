SELECT
  "t28"."person_id",
  "t28"."account_id",
  "t28"."fit",
  "t28"."behavior",
  "t28"."total",
  CASE
    WHEN TRUE
    AND COALESCE("t28"."total" >= 80.0, FALSE)
    AND COALESCE("t28"."fit" >= 15.0, FALSE)
    AND COALESCE("t28"."behavior" >= 40.0, FALSE)
    THEN 'PQL'
    ELSE CAST(NULL AS TEXT)
  END AS "status",
  CASE
    WHEN "t28"."fit" >= 35.0
    THEN 'strong'
    WHEN "t28"."fit" >= 20.0
    THEN 'moderate'
    ELSE 'weak'
  END AS "fit_tier",
  CASE
    WHEN "t28"."behavior" >= 60.0
    THEN 'high'
    WHEN "t28"."behavior" >= 30.0
    THEN 'medium'
    ELSE 'low'
  END AS "intent_tier",
  CASE
    WHEN CASE WHEN "t28"."fit" >= 35.0 THEN 0 WHEN "t28"."fit" >= 20.0 THEN 1 ELSE 2 END = 0
    THEN 'A'
    WHEN CASE WHEN "t28"."fit" >= 35.0 THEN 0 WHEN "t28"."fit" >= 20.0 THEN 1 ELSE 2 END = 1
    THEN 'B'
    WHEN CASE WHEN "t28"."fit" >= 35.0 THEN 0 WHEN "t28"."fit" >= 20.0 THEN 1 ELSE 2 END = 2
    THEN 'C'
    ELSE CAST(NULL AS TEXT)
  END || CAST(CASE
    WHEN "t28"."behavior" >= 60.0
    THEN 0
    WHEN "t28"."behavior" >= 30.0
    THEN 1
    ELSE 2
  END + 1 AS TEXT) AS "matrix",
  MAKE_TIMESTAMP(2026, 3, 1, 12, 0, 0.0) AS "score_date",
  '39cd35e009fd30a7' AS "logic_hash",
  "t28"."created_at",
  "t28"."email_domain",
  "t28"."email",
  "t28"."title",
  "t28"."plan",
  "t28"."country",
  "t28"."account__name",
  "t28"."account__domain",
  "t28"."account__employees",
  "t28"."account__industry",
  "t28"."account__country",
  "t28"."account__tech_stack",
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
  "t28"."last_activity",
  "t28"."vend__burst",
  "t28"."vf__burst",
  "t28"."pts__onboarding",
  "t28"."pts__core_feature",
  "t28"."pts__integration",
  "t28"."pts__invites",
  "t28"."pts__pricing_logged_in",
  "t28"."pts__pricing_anonymous",
  "t28"."pts__checkout",
  "t28"."pts__premium_feature",
  "t28"."pts__export",
  "t28"."pts__logins_week_one",
  "t28"."pts__session_depth",
  "t28"."pts__inactive",
  "t28"."pts__unsubscribed",
  "t28"."pts__downgraded",
  "t28"."grp__onboarding",
  "t28"."grp__core_feature",
  "t28"."grp__integration",
  "t28"."grp__invites",
  "t28"."grp__pricing_logged_in",
  "t28"."grp__pricing_anonymous",
  "t28"."grp__checkout",
  "t28"."grp__premium_feature",
  "t28"."grp__export",
  "t28"."grp__logins_week_one",
  "t28"."grp__session_depth",
  "t28"."grp__inactive",
  "t28"."grp__unsubscribed",
  "t28"."grp__downgraded",
  "t28"."b__onboarding",
  "t28"."b__core_feature",
  "t28"."b__integration",
  "t28"."b__invites",
  "t28"."b__pricing_logged_in",
  "t28"."b__pricing_anonymous",
  "t28"."b__checkout",
  "t28"."b__premium_feature",
  "t28"."b__export",
  "t28"."b__logins_week_one",
  "t28"."b__session_depth",
  "t28"."b__inactive",
  "t28"."b__unsubscribed",
  "t28"."b__downgraded",
  "t28"."v__burst",
  "t28"."behavior_rules",
  "t28"."behavior_capped",
  "t28"."behavior_raw",
  "t28"."inactive_days",
  "t28"."decay_periods",
  "t28"."behavior_decayed",
  COALESCE("t28"."total" >= 80.0, FALSE) AS "cond__0__0",
  COALESCE("t28"."fit" >= 15.0, FALSE) AS "cond__0__1",
  COALESCE("t28"."behavior" >= 40.0, FALSE) AS "cond__0__2",
  TRUE
  AND COALESCE("t28"."total" >= 80.0, FALSE)
  AND COALESCE("t28"."fit" >= 15.0, FALSE)
  AND COALESCE("t28"."behavior" >= 40.0, FALSE) AS "is__0"
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
    "t27"."m__onboarding",
    "t27"."last__onboarding",
    "t27"."m__core_feature",
    "t27"."last__core_feature",
    "t27"."m__integration",
    "t27"."last__integration",
    "t27"."m__invites",
    "t27"."last__invites",
    "t27"."m__pricing_logged_in",
    "t27"."last__pricing_logged_in",
    "t27"."m__pricing_anonymous",
    "t27"."last__pricing_anonymous",
    "t27"."m__checkout",
    "t27"."last__checkout",
    "t27"."m__premium_feature",
    "t27"."last__premium_feature",
    "t27"."m__export",
    "t27"."last__export",
    "t27"."m__logins_week_one",
    "t27"."last__logins_week_one",
    "t27"."m__session_depth",
    "t27"."last__session_depth",
    "t27"."act__inactive",
    "t27"."m__unsubscribed",
    "t27"."last__unsubscribed",
    "t27"."m__downgraded",
    "t27"."last__downgraded",
    "t27"."m__high_intent_7d",
    "t27"."last__high_intent_7d",
    "t27"."last_activity",
    "t27"."vend__burst",
    "t27"."vf__burst",
    "t27"."pts__onboarding",
    "t27"."pts__core_feature",
    "t27"."pts__integration",
    "t27"."pts__invites",
    "t27"."pts__pricing_logged_in",
    "t27"."pts__pricing_anonymous",
    "t27"."pts__checkout",
    "t27"."pts__premium_feature",
    "t27"."pts__export",
    "t27"."pts__logins_week_one",
    "t27"."pts__session_depth",
    "t27"."pts__inactive",
    "t27"."pts__unsubscribed",
    "t27"."pts__downgraded",
    "t27"."grp__onboarding",
    "t27"."grp__core_feature",
    "t27"."grp__integration",
    "t27"."grp__invites",
    "t27"."grp__pricing_logged_in",
    "t27"."grp__pricing_anonymous",
    "t27"."grp__checkout",
    "t27"."grp__premium_feature",
    "t27"."grp__export",
    "t27"."grp__logins_week_one",
    "t27"."grp__session_depth",
    "t27"."grp__inactive",
    "t27"."grp__unsubscribed",
    "t27"."grp__downgraded",
    "t27"."b__onboarding",
    "t27"."b__core_feature",
    "t27"."b__integration",
    "t27"."b__invites",
    "t27"."b__pricing_logged_in",
    "t27"."b__pricing_anonymous",
    "t27"."b__checkout",
    "t27"."b__premium_feature",
    "t27"."b__export",
    "t27"."b__logins_week_one",
    "t27"."b__session_depth",
    "t27"."b__inactive",
    "t27"."b__unsubscribed",
    "t27"."b__downgraded",
    "t27"."v__burst",
    "t27"."behavior_rules",
    "t27"."behavior_capped",
    "t27"."behavior_raw",
    GREATEST(
      CAST(EPOCH(CAST(MAKE_TIMESTAMP(2026, 3, 1, 12, 0, 0.0) AS TIMESTAMP)) AS DOUBLE) - GREATEST(
        COALESCE(
          CAST(EPOCH(CAST("t27"."last_activity" AS TIMESTAMP)) AS DOUBLE),
          CAST(EPOCH(CAST("t27"."created_at" AS TIMESTAMP)) AS DOUBLE)
        ),
        COALESCE(
          CAST(EPOCH(CAST("t27"."created_at" AS TIMESTAMP)) AS DOUBLE),
          CAST(EPOCH(CAST("t27"."last_activity" AS TIMESTAMP)) AS DOUBLE)
        )
      ),
      0.0
    ) / 86400.0 AS "inactive_days",
    COALESCE(
      CAST(CAST(FLOOR(
        GREATEST(
          CAST(EPOCH(CAST(MAKE_TIMESTAMP(2026, 3, 1, 12, 0, 0.0) AS TIMESTAMP)) AS DOUBLE) - GREATEST(
            COALESCE(
              CAST(EPOCH(CAST("t27"."last_activity" AS TIMESTAMP)) AS DOUBLE),
              CAST(EPOCH(CAST("t27"."created_at" AS TIMESTAMP)) AS DOUBLE)
            ),
            COALESCE(
              CAST(EPOCH(CAST("t27"."created_at" AS TIMESTAMP)) AS DOUBLE),
              CAST(EPOCH(CAST("t27"."last_activity" AS TIMESTAMP)) AS DOUBLE)
            )
          ),
          0.0
        ) / 2592000.0
      ) AS BIGINT) AS DOUBLE),
      0.0
    ) AS "decay_periods",
    COALESCE(
      CASE
        WHEN "t27"."behavior_raw" > 5.0
        THEN GREATEST(
          "t27"."behavior_raw" - (
            CAST(CAST(FLOOR(
              GREATEST(
                CAST(EPOCH(CAST(MAKE_TIMESTAMP(2026, 3, 1, 12, 0, 0.0) AS TIMESTAMP)) AS DOUBLE) - GREATEST(
                  COALESCE(
                    CAST(EPOCH(CAST("t27"."last_activity" AS TIMESTAMP)) AS DOUBLE),
                    CAST(EPOCH(CAST("t27"."created_at" AS TIMESTAMP)) AS DOUBLE)
                  ),
                  COALESCE(
                    CAST(EPOCH(CAST("t27"."created_at" AS TIMESTAMP)) AS DOUBLE),
                    CAST(EPOCH(CAST("t27"."last_activity" AS TIMESTAMP)) AS DOUBLE)
                  )
                ),
                0.0
              ) / 2592000.0
            ) AS BIGINT) AS DOUBLE) * 10.0
          ),
          5.0
        )
        ELSE "t27"."behavior_raw"
      END,
      "t27"."behavior_raw"
    ) AS "behavior_decayed",
    GREATEST(
      COALESCE(
        CASE
          WHEN "t27"."behavior_raw" > 5.0
          THEN GREATEST(
            "t27"."behavior_raw" - (
              CAST(CAST(FLOOR(
                GREATEST(
                  CAST(EPOCH(CAST(MAKE_TIMESTAMP(2026, 3, 1, 12, 0, 0.0) AS TIMESTAMP)) AS DOUBLE) - GREATEST(
                    COALESCE(
                      CAST(EPOCH(CAST("t27"."last_activity" AS TIMESTAMP)) AS DOUBLE),
                      CAST(EPOCH(CAST("t27"."created_at" AS TIMESTAMP)) AS DOUBLE)
                    ),
                    COALESCE(
                      CAST(EPOCH(CAST("t27"."created_at" AS TIMESTAMP)) AS DOUBLE),
                      CAST(EPOCH(CAST("t27"."last_activity" AS TIMESTAMP)) AS DOUBLE)
                    )
                  ),
                  0.0
                ) / 2592000.0
              ) AS BIGINT) AS DOUBLE) * 10.0
            ),
            5.0
          )
          ELSE "t27"."behavior_raw"
        END,
        "t27"."behavior_raw"
      ),
      0.0
    ) AS "behavior",
    (
      "t27"."fit" * 1
    ) + (
      GREATEST(
        COALESCE(
          CASE
            WHEN "t27"."behavior_raw" > 5.0
            THEN GREATEST(
              "t27"."behavior_raw" - (
                CAST(CAST(FLOOR(
                  GREATEST(
                    CAST(EPOCH(CAST(MAKE_TIMESTAMP(2026, 3, 1, 12, 0, 0.0) AS TIMESTAMP)) AS DOUBLE) - GREATEST(
                      COALESCE(
                        CAST(EPOCH(CAST("t27"."last_activity" AS TIMESTAMP)) AS DOUBLE),
                        CAST(EPOCH(CAST("t27"."created_at" AS TIMESTAMP)) AS DOUBLE)
                      ),
                      COALESCE(
                        CAST(EPOCH(CAST("t27"."created_at" AS TIMESTAMP)) AS DOUBLE),
                        CAST(EPOCH(CAST("t27"."last_activity" AS TIMESTAMP)) AS DOUBLE)
                      )
                    ),
                    0.0
                  ) / 2592000.0
                ) AS BIGINT) AS DOUBLE) * 10.0
              ),
              5.0
            )
            ELSE "t27"."behavior_raw"
          END,
          "t27"."behavior_raw"
        ),
        0.0
      ) * 1
    ) AS "total"
  FROM (
    SELECT
      "t26"."person_id",
      "t26"."account_id",
      "t26"."created_at",
      "t26"."email_domain",
      "t26"."email",
      "t26"."title",
      "t26"."plan",
      "t26"."country",
      "t26"."fin__1",
      "t26"."account__name",
      "t26"."account__domain",
      "t26"."account__employees",
      "t26"."account__industry",
      "t26"."account__country",
      "t26"."account__tech_stack",
      "t26"."fin__0",
      "t26"."fin__2",
      "t26"."fin__3",
      "t26"."fit__company_size",
      "t26"."fit__industry",
      "t26"."fit__seniority",
      "t26"."fit__tech_stack",
      "t26"."fit__geography",
      "t26"."fit__competitor",
      "t26"."fit__personal_email",
      "t26"."fit__student",
      "t26"."fitcase__company_size",
      "t26"."fv__company_size",
      "t26"."fitcase__industry",
      "t26"."fv__industry",
      "t26"."fitcase__seniority",
      "t26"."fv__seniority",
      "t26"."fitcase__tech_stack",
      "t26"."fv__tech_stack",
      "t26"."fitcase__geography",
      "t26"."fv__geography",
      "t26"."fitcase__competitor",
      "t26"."fv__competitor",
      "t26"."fitcase__personal_email",
      "t26"."fv__personal_email",
      "t26"."fitcase__student",
      "t26"."fv__student",
      "t26"."fit_rules",
      "t26"."fit",
      "t26"."m__onboarding",
      "t26"."last__onboarding",
      "t26"."m__core_feature",
      "t26"."last__core_feature",
      "t26"."m__integration",
      "t26"."last__integration",
      "t26"."m__invites",
      "t26"."last__invites",
      "t26"."m__pricing_logged_in",
      "t26"."last__pricing_logged_in",
      "t26"."m__pricing_anonymous",
      "t26"."last__pricing_anonymous",
      "t26"."m__checkout",
      "t26"."last__checkout",
      "t26"."m__premium_feature",
      "t26"."last__premium_feature",
      "t26"."m__export",
      "t26"."last__export",
      "t26"."m__logins_week_one",
      "t26"."last__logins_week_one",
      "t26"."m__session_depth",
      "t26"."last__session_depth",
      "t26"."act__inactive",
      "t26"."m__unsubscribed",
      "t26"."last__unsubscribed",
      "t26"."m__downgraded",
      "t26"."last__downgraded",
      "t26"."m__high_intent_7d",
      "t26"."last__high_intent_7d",
      "t26"."last_activity",
      "t26"."vend__burst",
      "t26"."vf__burst",
      "t26"."pts__onboarding",
      "t26"."pts__core_feature",
      "t26"."pts__integration",
      "t26"."pts__invites",
      "t26"."pts__pricing_logged_in",
      "t26"."pts__pricing_anonymous",
      "t26"."pts__checkout",
      "t26"."pts__premium_feature",
      "t26"."pts__export",
      "t26"."pts__logins_week_one",
      "t26"."pts__session_depth",
      "t26"."pts__inactive",
      "t26"."pts__unsubscribed",
      "t26"."pts__downgraded",
      "t26"."pts__onboarding" AS "grp__onboarding",
      "t26"."pts__core_feature" AS "grp__core_feature",
      "t26"."pts__integration" AS "grp__integration",
      "t26"."pts__invites" AS "grp__invites",
      CASE
        WHEN "t26"."pts__pricing_logged_in" = GREATEST("t26"."pts__pricing_logged_in", "t26"."pts__pricing_anonymous")
        THEN "t26"."pts__pricing_logged_in"
        ELSE 0.0
      END AS "grp__pricing_logged_in",
      CASE
        WHEN (
          "t26"."pts__pricing_anonymous" = GREATEST("t26"."pts__pricing_logged_in", "t26"."pts__pricing_anonymous")
        )
        AND (
          "t26"."pts__pricing_logged_in" <> GREATEST("t26"."pts__pricing_logged_in", "t26"."pts__pricing_anonymous")
        )
        THEN "t26"."pts__pricing_anonymous"
        ELSE 0.0
      END AS "grp__pricing_anonymous",
      "t26"."pts__checkout" AS "grp__checkout",
      "t26"."pts__premium_feature" AS "grp__premium_feature",
      "t26"."pts__export" AS "grp__export",
      "t26"."pts__logins_week_one" AS "grp__logins_week_one",
      "t26"."pts__session_depth" AS "grp__session_depth",
      "t26"."pts__inactive" AS "grp__inactive",
      "t26"."pts__unsubscribed" AS "grp__unsubscribed",
      "t26"."pts__downgraded" AS "grp__downgraded",
      "t26"."pts__onboarding" AS "b__onboarding",
      "t26"."pts__core_feature" AS "b__core_feature",
      "t26"."pts__integration" AS "b__integration",
      "t26"."pts__invites" AS "b__invites",
      CASE
        WHEN "t26"."pts__pricing_logged_in" = GREATEST("t26"."pts__pricing_logged_in", "t26"."pts__pricing_anonymous")
        THEN "t26"."pts__pricing_logged_in"
        ELSE 0.0
      END AS "b__pricing_logged_in",
      CASE
        WHEN (
          "t26"."pts__pricing_anonymous" = GREATEST("t26"."pts__pricing_logged_in", "t26"."pts__pricing_anonymous")
        )
        AND (
          "t26"."pts__pricing_logged_in" <> GREATEST("t26"."pts__pricing_logged_in", "t26"."pts__pricing_anonymous")
        )
        THEN "t26"."pts__pricing_anonymous"
        ELSE 0.0
      END AS "b__pricing_anonymous",
      "t26"."pts__checkout" AS "b__checkout",
      "t26"."pts__premium_feature" AS "b__premium_feature",
      "t26"."pts__export" AS "b__export",
      "t26"."pts__logins_week_one" AS "b__logins_week_one",
      "t26"."pts__session_depth" AS "b__session_depth",
      "t26"."pts__inactive" AS "b__inactive",
      "t26"."pts__unsubscribed" AS "b__unsubscribed",
      "t26"."pts__downgraded" AS "b__downgraded",
      COALESCE(
        CASE WHEN COALESCE("t26"."vf__burst", FALSE) THEN CAST(25 AS DOUBLE) ELSE 0.0 END,
        0.0
      ) AS "v__burst",
      CAST(0 AS DOUBLE) + "t26"."pts__onboarding" + "t26"."pts__core_feature" + "t26"."pts__integration" + "t26"."pts__invites" + CASE
        WHEN "t26"."pts__pricing_logged_in" = GREATEST("t26"."pts__pricing_logged_in", "t26"."pts__pricing_anonymous")
        THEN "t26"."pts__pricing_logged_in"
        ELSE 0.0
      END + CASE
        WHEN (
          "t26"."pts__pricing_anonymous" = GREATEST("t26"."pts__pricing_logged_in", "t26"."pts__pricing_anonymous")
        )
        AND (
          "t26"."pts__pricing_logged_in" <> GREATEST("t26"."pts__pricing_logged_in", "t26"."pts__pricing_anonymous")
        )
        THEN "t26"."pts__pricing_anonymous"
        ELSE 0.0
      END + "t26"."pts__checkout" + "t26"."pts__premium_feature" + "t26"."pts__export" + "t26"."pts__logins_week_one" + "t26"."pts__session_depth" + "t26"."pts__inactive" + "t26"."pts__unsubscribed" + "t26"."pts__downgraded" AS "behavior_rules",
      LEAST(
        CAST(0 AS DOUBLE) + "t26"."pts__onboarding" + "t26"."pts__core_feature" + "t26"."pts__integration" + "t26"."pts__invites" + CASE
          WHEN "t26"."pts__pricing_logged_in" = GREATEST("t26"."pts__pricing_logged_in", "t26"."pts__pricing_anonymous")
          THEN "t26"."pts__pricing_logged_in"
          ELSE 0.0
        END + CASE
          WHEN (
            "t26"."pts__pricing_anonymous" = GREATEST("t26"."pts__pricing_logged_in", "t26"."pts__pricing_anonymous")
          )
          AND (
            "t26"."pts__pricing_logged_in" <> GREATEST("t26"."pts__pricing_logged_in", "t26"."pts__pricing_anonymous")
          )
          THEN "t26"."pts__pricing_anonymous"
          ELSE 0.0
        END + "t26"."pts__checkout" + "t26"."pts__premium_feature" + "t26"."pts__export" + "t26"."pts__logins_week_one" + "t26"."pts__session_depth" + "t26"."pts__inactive" + "t26"."pts__unsubscribed" + "t26"."pts__downgraded",
        100.0
      ) AS "behavior_capped",
      LEAST(
        CAST(0 AS DOUBLE) + "t26"."pts__onboarding" + "t26"."pts__core_feature" + "t26"."pts__integration" + "t26"."pts__invites" + CASE
          WHEN "t26"."pts__pricing_logged_in" = GREATEST("t26"."pts__pricing_logged_in", "t26"."pts__pricing_anonymous")
          THEN "t26"."pts__pricing_logged_in"
          ELSE 0.0
        END + CASE
          WHEN (
            "t26"."pts__pricing_anonymous" = GREATEST("t26"."pts__pricing_logged_in", "t26"."pts__pricing_anonymous")
          )
          AND (
            "t26"."pts__pricing_logged_in" <> GREATEST("t26"."pts__pricing_logged_in", "t26"."pts__pricing_anonymous")
          )
          THEN "t26"."pts__pricing_anonymous"
          ELSE 0.0
        END + "t26"."pts__checkout" + "t26"."pts__premium_feature" + "t26"."pts__export" + "t26"."pts__logins_week_one" + "t26"."pts__session_depth" + "t26"."pts__inactive" + "t26"."pts__unsubscribed" + "t26"."pts__downgraded",
        100.0
      ) + (
        CAST(0 AS DOUBLE) + COALESCE(
          CASE WHEN COALESCE("t26"."vf__burst", FALSE) THEN CAST(25 AS DOUBLE) ELSE 0.0 END,
          0.0
        )
      ) AS "behavior_raw"
    FROM (
      SELECT
        "t25"."person_id",
        "t25"."account_id",
        "t25"."created_at",
        "t25"."email_domain",
        "t25"."email",
        "t25"."title",
        "t25"."plan",
        "t25"."country",
        "t25"."fin__1",
        "t25"."account__name",
        "t25"."account__domain",
        "t25"."account__employees",
        "t25"."account__industry",
        "t25"."account__country",
        "t25"."account__tech_stack",
        "t25"."fin__0",
        "t25"."fin__2",
        "t25"."fin__3",
        "t25"."fit__company_size",
        "t25"."fit__industry",
        "t25"."fit__seniority",
        "t25"."fit__tech_stack",
        "t25"."fit__geography",
        "t25"."fit__competitor",
        "t25"."fit__personal_email",
        "t25"."fit__student",
        "t25"."fitcase__company_size",
        "t25"."fv__company_size",
        "t25"."fitcase__industry",
        "t25"."fv__industry",
        "t25"."fitcase__seniority",
        "t25"."fv__seniority",
        "t25"."fitcase__tech_stack",
        "t25"."fv__tech_stack",
        "t25"."fitcase__geography",
        "t25"."fv__geography",
        "t25"."fitcase__competitor",
        "t25"."fv__competitor",
        "t25"."fitcase__personal_email",
        "t25"."fv__personal_email",
        "t25"."fitcase__student",
        "t25"."fv__student",
        "t25"."fit_rules",
        "t25"."fit",
        "t25"."m__onboarding",
        "t25"."last__onboarding",
        "t25"."m__core_feature",
        "t25"."last__core_feature",
        "t25"."m__integration",
        "t25"."last__integration",
        "t25"."m__invites",
        "t25"."last__invites",
        "t25"."m__pricing_logged_in",
        "t25"."last__pricing_logged_in",
        "t25"."m__pricing_anonymous",
        "t25"."last__pricing_anonymous",
        "t25"."m__checkout",
        "t25"."last__checkout",
        "t25"."m__premium_feature",
        "t25"."last__premium_feature",
        "t25"."m__export",
        "t25"."last__export",
        "t25"."m__logins_week_one",
        "t25"."last__logins_week_one",
        "t25"."m__session_depth",
        "t25"."last__session_depth",
        "t25"."act__inactive",
        "t25"."m__unsubscribed",
        "t25"."last__unsubscribed",
        "t25"."m__downgraded",
        "t25"."last__downgraded",
        "t25"."m__high_intent_7d",
        "t25"."last__high_intent_7d",
        "t25"."last_activity",
        "t25"."vend__burst",
        "t25"."vf__burst",
        CASE
          WHEN COALESCE("t25"."m__onboarding", 0.0) >= 1.0
          THEN CAST(15 AS DOUBLE)
          WHEN COALESCE("t25"."m__onboarding", 0.0) >= 0.5
          THEN CAST(8 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "pts__onboarding",
        CASE
          WHEN COALESCE(CAST("t25"."m__core_feature" AS DOUBLE), 0.0) >= 3.0
          THEN CAST(20 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "pts__core_feature",
        CASE
          WHEN COALESCE(CAST("t25"."m__integration" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(15 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "pts__integration",
        CASE
          WHEN COALESCE(CAST("t25"."m__invites" AS DOUBLE), 0.0) >= 2.0
          THEN CAST(15 AS DOUBLE)
          WHEN COALESCE(CAST("t25"."m__invites" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(10 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "pts__invites",
        CASE
          WHEN COALESCE(CAST("t25"."m__pricing_logged_in" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(10 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "pts__pricing_logged_in",
        CASE
          WHEN COALESCE(CAST("t25"."m__pricing_anonymous" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(3 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "pts__pricing_anonymous",
        CASE
          WHEN COALESCE(CAST("t25"."m__checkout" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(15 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "pts__checkout",
        CASE
          WHEN COALESCE(CAST("t25"."m__premium_feature" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(8 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "pts__premium_feature",
        CASE
          WHEN COALESCE(CAST("t25"."m__export" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(5 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "pts__export",
        CASE
          WHEN COALESCE(CAST("t25"."m__logins_week_one" AS DOUBLE), 0.0) >= 5.0
          THEN CAST(10 AS DOUBLE)
          WHEN COALESCE(CAST("t25"."m__logins_week_one" AS DOUBLE), 0.0) >= 3.0
          THEN CAST(5 AS DOUBLE)
          WHEN COALESCE(CAST("t25"."m__logins_week_one" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(2 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "pts__logins_week_one",
        CASE
          WHEN COALESCE(CAST("t25"."m__session_depth" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(5 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "pts__session_depth",
        COALESCE(
          CAST(CAST(FLOOR(
            (
              CAST(EPOCH(CAST(MAKE_TIMESTAMP(2026, 3, 1, 12, 0, 0.0) AS TIMESTAMP)) AS DOUBLE) - GREATEST(
                COALESCE(
                  "t25"."act__inactive",
                  CAST(EPOCH(CAST("t25"."created_at" AS TIMESTAMP)) AS DOUBLE)
                ),
                COALESCE(
                  CAST(EPOCH(CAST("t25"."created_at" AS TIMESTAMP)) AS DOUBLE),
                  "t25"."act__inactive"
                )
              )
            ) / 1209600.0
          ) AS BIGINT) AS DOUBLE) * -10.0,
          0.0
        ) + 0.0 AS "pts__inactive",
        CASE
          WHEN COALESCE(CAST("t25"."m__unsubscribed" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(-5 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "pts__unsubscribed",
        CASE
          WHEN COALESCE(CAST("t25"."m__downgraded" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(-8 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "pts__downgraded"
      FROM (
        SELECT
          "t24".*
          EXCLUDE ("_key")
        FROM (
          SELECT
            "t22"."person_id",
            "t22"."account_id",
            "t22"."created_at",
            "t22"."email_domain",
            "t22"."email",
            "t22"."title",
            "t22"."plan",
            "t22"."country",
            "t22"."fin__1",
            "t22"."account__name",
            "t22"."account__domain",
            "t22"."account__employees",
            "t22"."account__industry",
            "t22"."account__country",
            "t22"."account__tech_stack",
            "t22"."fin__0",
            "t22"."fin__2",
            "t22"."fin__3",
            "t22"."fit__company_size",
            "t22"."fit__industry",
            "t22"."fit__seniority",
            "t22"."fit__tech_stack",
            "t22"."fit__geography",
            "t22"."fit__competitor",
            "t22"."fit__personal_email",
            "t22"."fit__student",
            "t22"."fitcase__company_size",
            "t22"."fv__company_size",
            "t22"."fitcase__industry",
            "t22"."fv__industry",
            "t22"."fitcase__seniority",
            "t22"."fv__seniority",
            "t22"."fitcase__tech_stack",
            "t22"."fv__tech_stack",
            "t22"."fitcase__geography",
            "t22"."fv__geography",
            "t22"."fitcase__competitor",
            "t22"."fv__competitor",
            "t22"."fitcase__personal_email",
            "t22"."fv__personal_email",
            "t22"."fitcase__student",
            "t22"."fv__student",
            "t22"."fit_rules",
            "t22"."fit",
            "t23"."_key",
            "t23"."m__onboarding",
            "t23"."last__onboarding",
            "t23"."m__core_feature",
            "t23"."last__core_feature",
            "t23"."m__integration",
            "t23"."last__integration",
            "t23"."m__invites",
            "t23"."last__invites",
            "t23"."m__pricing_logged_in",
            "t23"."last__pricing_logged_in",
            "t23"."m__pricing_anonymous",
            "t23"."last__pricing_anonymous",
            "t23"."m__checkout",
            "t23"."last__checkout",
            "t23"."m__premium_feature",
            "t23"."last__premium_feature",
            "t23"."m__export",
            "t23"."last__export",
            "t23"."m__logins_week_one",
            "t23"."last__logins_week_one",
            "t23"."m__session_depth",
            "t23"."last__session_depth",
            "t23"."act__inactive",
            "t23"."m__unsubscribed",
            "t23"."last__unsubscribed",
            "t23"."m__downgraded",
            "t23"."last__downgraded",
            "t23"."m__high_intent_7d",
            "t23"."last__high_intent_7d",
            "t23"."last_activity",
            "t23"."vend__burst",
            "t23"."vf__burst"
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
              "t16"."fit__company_size",
              "t16"."fit__industry",
              "t16"."fit__seniority",
              "t16"."fit__tech_stack",
              "t16"."fit__geography",
              "t16"."fit__competitor",
              "t16"."fit__personal_email",
              "t16"."fit__student",
              "t16"."fitcase__company_size",
              "t16"."fv__company_size",
              "t16"."fitcase__industry",
              "t16"."fv__industry",
              "t16"."fitcase__seniority",
              "t16"."fv__seniority",
              "t16"."fitcase__tech_stack",
              "t16"."fv__tech_stack",
              "t16"."fitcase__geography",
              "t16"."fv__geography",
              "t16"."fitcase__competitor",
              "t16"."fv__competitor",
              "t16"."fitcase__personal_email",
              "t16"."fv__personal_email",
              "t16"."fitcase__student",
              "t16"."fv__student",
              CAST(0 AS DOUBLE) + "t16"."fit__company_size" + "t16"."fit__industry" + "t16"."fit__seniority" + "t16"."fit__tech_stack" + "t16"."fit__geography" + "t16"."fit__competitor" + "t16"."fit__personal_email" + "t16"."fit__student" AS "fit_rules",
              GREATEST(
                LEAST(
                  CAST(0 AS DOUBLE) + "t16"."fit__company_size" + "t16"."fit__industry" + "t16"."fit__seniority" + "t16"."fit__tech_stack" + "t16"."fit__geography" + "t16"."fit__competitor" + "t16"."fit__personal_email" + "t16"."fit__student",
                  50.0
                ),
                0.0
              ) AS "fit"
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
                "t14"."fin__3",
                CASE
                  WHEN CAST("t14"."account__employees" AS DOUBLE) BETWEEN 50.0 AND 500.0
                  THEN CAST(15 AS DOUBLE)
                  WHEN CAST("t14"."account__employees" AS DOUBLE) BETWEEN 25.0 AND 49.0
                  THEN CAST(8 AS DOUBLE)
                  WHEN CAST("t14"."account__employees" AS DOUBLE) BETWEEN 501.0 AND 1000.0
                  THEN CAST(8 AS DOUBLE)
                  ELSE CAST(0 AS DOUBLE)
                END AS "fit__company_size",
                CASE
                  WHEN "t14"."fin__0" IN ('saas', 'software', 'technology')
                  THEN CAST(10 AS DOUBLE)
                  WHEN "t14"."fin__0" IN ('fintech', 'marketing', 'e-commerce')
                  THEN CAST(5 AS DOUBLE)
                  ELSE CAST(0 AS DOUBLE)
                END AS "fit__industry",
                CASE
                  WHEN "t14"."title" IS NULL
                  THEN CAST(0 AS DOUBLE)
                  ELSE CASE
                    WHEN REGEXP_MATCHES(
                      "t14"."fin__1",
                      '\b(vp|vice president|director|head of|chief|c[etmorf]o|founder|owner|president)\b'
                    )
                    THEN CAST(10 AS DOUBLE)
                    WHEN REGEXP_MATCHES("t14"."fin__1", '\bmanager\b')
                    THEN CAST(6 AS DOUBLE)
                    ELSE CAST(2 AS DOUBLE)
                  END
                END AS "fit__seniority",
                CASE
                  WHEN FALSE
                  OR CONTAINS("t14"."fin__2", 'salesforce')
                  OR CONTAINS("t14"."fin__2", 'hubspot')
                  THEN CAST(8 AS DOUBLE)
                  WHEN FALSE
                  OR CONTAINS("t14"."fin__2", 'segment')
                  OR CONTAINS("t14"."fin__2", 'snowflake')
                  OR CONTAINS("t14"."fin__2", 'slack')
                  THEN CAST(4 AS DOUBLE)
                  ELSE CAST(0 AS DOUBLE)
                END AS "fit__tech_stack",
                CASE
                  WHEN "t14"."fin__3" IN ('us', 'ca')
                  THEN CAST(7 AS DOUBLE)
                  WHEN "t14"."fin__3" IN ('gb', 'ie', 'de', 'fr', 'nl', 'se', 'dk', 'au')
                  THEN CAST(4 AS DOUBLE)
                  ELSE CAST(0 AS DOUBLE)
                END AS "fit__geography",
                CASE
                  WHEN "t14"."email_domain" IN ('rivalscore.io', 'leadrival.com', 'scorehub.com')
                  THEN CAST(-30 AS DOUBLE)
                  ELSE CAST(0 AS DOUBLE)
                END AS "fit__competitor",
                CASE
                  WHEN "t14"."email_domain" IN (
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
                  THEN CAST(-15 AS DOUBLE)
                  ELSE CAST(0 AS DOUBLE)
                END AS "fit__personal_email",
                CASE
                  WHEN REGEXP_MATCHES("t14"."email_domain", '\.edu$|\.ac\.[a-z]{2}$')
                  THEN CAST(-10 AS DOUBLE)
                  ELSE CAST(0 AS DOUBLE)
                END AS "fit__student",
                CASE
                  WHEN CAST("t14"."account__employees" AS DOUBLE) BETWEEN 50.0 AND 500.0
                  THEN 0
                  WHEN CAST("t14"."account__employees" AS DOUBLE) BETWEEN 25.0 AND 49.0
                  THEN 1
                  WHEN CAST("t14"."account__employees" AS DOUBLE) BETWEEN 501.0 AND 1000.0
                  THEN 2
                  ELSE -1
                END AS "fitcase__company_size",
                CAST("t14"."account__employees" AS TEXT) AS "fv__company_size",
                CASE
                  WHEN "t14"."fin__0" IN ('saas', 'software', 'technology')
                  THEN 0
                  WHEN "t14"."fin__0" IN ('fintech', 'marketing', 'e-commerce')
                  THEN 1
                  ELSE -1
                END AS "fitcase__industry",
                "t14"."account__industry" AS "fv__industry",
                CASE
                  WHEN "t14"."title" IS NULL
                  THEN -2
                  ELSE CASE
                    WHEN REGEXP_MATCHES(
                      "t14"."fin__1",
                      '\b(vp|vice president|director|head of|chief|c[etmorf]o|founder|owner|president)\b'
                    )
                    THEN 0
                    WHEN REGEXP_MATCHES("t14"."fin__1", '\bmanager\b')
                    THEN 1
                    ELSE -1
                  END
                END AS "fitcase__seniority",
                "t14"."title" AS "fv__seniority",
                CASE
                  WHEN FALSE
                  OR CONTAINS("t14"."fin__2", 'salesforce')
                  OR CONTAINS("t14"."fin__2", 'hubspot')
                  THEN 0
                  WHEN FALSE
                  OR CONTAINS("t14"."fin__2", 'segment')
                  OR CONTAINS("t14"."fin__2", 'snowflake')
                  OR CONTAINS("t14"."fin__2", 'slack')
                  THEN 1
                  ELSE -1
                END AS "fitcase__tech_stack",
                "t14"."account__tech_stack" AS "fv__tech_stack",
                CASE
                  WHEN "t14"."fin__3" IN ('us', 'ca')
                  THEN 0
                  WHEN "t14"."fin__3" IN ('gb', 'ie', 'de', 'fr', 'nl', 'se', 'dk', 'au')
                  THEN 1
                  ELSE -1
                END AS "fitcase__geography",
                "t14"."account__country" AS "fv__geography",
                CASE
                  WHEN "t14"."email_domain" IN ('rivalscore.io', 'leadrival.com', 'scorehub.com')
                  THEN 0
                  ELSE -1
                END AS "fitcase__competitor",
                "t14"."email_domain" AS "fv__competitor",
                CASE
                  WHEN "t14"."email_domain" IN (
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
                "t14"."email_domain" AS "fv__personal_email",
                CASE
                  WHEN REGEXP_MATCHES("t14"."email_domain", '\.edu$|\.ac\.[a-z]{2}$')
                  THEN 0
                  ELSE -1
                END AS "fitcase__student",
                "t14"."email_domain" AS "fv__student"
              FROM (
                SELECT
                  "t13".*
                  EXCLUDE ("account__account_id")
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
                      NULLIF(TRIM("t0"."account_id", ' 	
\x0d\x0b\x0c'), '') AS "account_id",
                      "t0"."created_at",
                      NULLIF(LOWER(REGEXP_EXTRACT("t0"."email", '@([^@\s\v]+)[\s\v]*$', 1)), '') AS "email_domain",
                      NULLIF(TRIM("t0"."email", ' 	
\x0d\x0b\x0c'), '') AS "email",
                      NULLIF(TRIM("t0"."title", ' 	
\x0d\x0b\x0c'), '') AS "title",
                      NULLIF(TRIM("t0"."plan", ' 	
\x0d\x0b\x0c'), '') AS "plan",
                      NULLIF(TRIM("t0"."country", ' 	
\x0d\x0b\x0c'), '') AS "country",
                      LOWER(NULLIF(TRIM("t0"."title", ' 	
\x0d\x0b\x0c'), '')) AS "fin__1"
                    FROM "people" AS "t0"
                    WHERE
                      "t0"."person_id" IS NOT NULL
                      AND (
                        (
                          "t0"."created_at" IS NULL
                        )
                        OR (
                          "t0"."created_at" <= MAKE_TIMESTAMP(2026, 3, 1, 12, 0, 0.0)
                        )
                      )
                  ) AS "t9"
                  LEFT OUTER JOIN (
                    SELECT
                      "t4"."account__account_id",
                      "t4"."account__name",
                      "t4"."account__domain",
                      "t4"."account__employees",
                      "t4"."account__industry",
                      "t4"."account__country",
                      "t4"."account__tech_stack",
                      LOWER("t4"."account__industry") AS "fin__0",
                      LOWER("t4"."account__tech_stack") AS "fin__2",
                      LOWER("t4"."account__country") AS "fin__3"
                    FROM (
                      SELECT
                        "t1"."account_id" AS "account__account_id",
                        NULLIF(TRIM("t1"."name", ' 	
\x0d\x0b\x0c'), '') AS "account__name",
                        NULLIF(TRIM("t1"."domain", ' 	
\x0d\x0b\x0c'), '') AS "account__domain",
                        "t1"."employees" AS "account__employees",
                        NULLIF(TRIM("t1"."industry", ' 	
\x0d\x0b\x0c'), '') AS "account__industry",
                        NULLIF(TRIM("t1"."country", ' 	
\x0d\x0b\x0c'), '') AS "account__country",
                        NULLIF(TRIM("t1"."tech_stack", ' 	
\x0d\x0b\x0c'), '') AS "account__tech_stack"
                      FROM "accounts" AS "t1"
                    ) AS "t4"
                  ) AS "t11"
                    ON "t9"."account_id" = "t11"."account__account_id"
                ) AS "t13"
              ) AS "t14"
            ) AS "t16"
          ) AS "t22"
          LEFT OUTER JOIN (
            SELECT
              "t19"."person_id" AS "_key",
              "t19"."m__onboarding",
              "t19"."last__onboarding",
              "t19"."m__core_feature",
              "t19"."last__core_feature",
              "t19"."m__integration",
              "t19"."last__integration",
              "t19"."m__invites",
              "t19"."last__invites",
              "t19"."m__pricing_logged_in",
              "t19"."last__pricing_logged_in",
              "t19"."m__pricing_anonymous",
              "t19"."last__pricing_anonymous",
              "t19"."m__checkout",
              "t19"."last__checkout",
              "t19"."m__premium_feature",
              "t19"."last__premium_feature",
              "t19"."m__export",
              "t19"."last__export",
              "t19"."m__logins_week_one",
              "t19"."last__logins_week_one",
              "t19"."m__session_depth",
              "t19"."last__session_depth",
              "t19"."act__inactive",
              "t19"."m__unsubscribed",
              "t19"."last__unsubscribed",
              "t19"."m__downgraded",
              "t19"."last__downgraded",
              "t19"."m__high_intent_7d",
              "t19"."last__high_intent_7d",
              "t19"."last_activity",
              "t19"."vend__burst",
              "t19"."vf__burst"
            FROM (
              SELECT
                "t18".*
                EXCLUDE ("vk__burst")
              FROM (
                SELECT
                  "t17"."person_id",
                  "t17"."m__onboarding",
                  "t17"."last__onboarding",
                  "t17"."m__core_feature",
                  "t17"."last__core_feature",
                  "t17"."m__integration",
                  "t17"."last__integration",
                  "t17"."m__invites",
                  "t17"."last__invites",
                  "t17"."m__pricing_logged_in",
                  "t17"."last__pricing_logged_in",
                  "t17"."m__pricing_anonymous",
                  "t17"."last__pricing_anonymous",
                  "t17"."m__checkout",
                  "t17"."last__checkout",
                  "t17"."m__premium_feature",
                  "t17"."last__premium_feature",
                  "t17"."m__export",
                  "t17"."last__export",
                  "t17"."m__logins_week_one",
                  "t17"."last__logins_week_one",
                  "t17"."m__session_depth",
                  "t17"."last__session_depth",
                  "t17"."act__inactive",
                  "t17"."m__unsubscribed",
                  "t17"."last__unsubscribed",
                  "t17"."m__downgraded",
                  "t17"."last__downgraded",
                  "t17"."m__high_intent_7d",
                  "t17"."last__high_intent_7d",
                  "t17"."last_activity",
                  "t17"."vk__burst",
                  "t17"."vend__burst",
                  CASE
                    WHEN ARRAY_LENGTH("t17"."vk__burst") > 0
                    THEN "t17"."vend__burst" IS NOT NULL
                    ELSE CAST(NULL AS BOOLEAN)
                  END AS "vf__burst"
                FROM (
                  SELECT
                    "t15"."person_id",
                    "t15"."m__onboarding",
                    "t15"."last__onboarding",
                    "t15"."m__core_feature",
                    "t15"."last__core_feature",
                    "t15"."m__integration",
                    "t15"."last__integration",
                    "t15"."m__invites",
                    "t15"."last__invites",
                    "t15"."m__pricing_logged_in",
                    "t15"."last__pricing_logged_in",
                    "t15"."m__pricing_anonymous",
                    "t15"."last__pricing_anonymous",
                    "t15"."m__checkout",
                    "t15"."last__checkout",
                    "t15"."m__premium_feature",
                    "t15"."last__premium_feature",
                    "t15"."m__export",
                    "t15"."last__export",
                    "t15"."m__logins_week_one",
                    "t15"."last__logins_week_one",
                    "t15"."m__session_depth",
                    "t15"."last__session_depth",
                    "t15"."act__inactive",
                    "t15"."m__unsubscribed",
                    "t15"."last__unsubscribed",
                    "t15"."m__downgraded",
                    "t15"."last__downgraded",
                    "t15"."m__high_intent_7d",
                    "t15"."last__high_intent_7d",
                    "t15"."last_activity",
                    "t15"."vk__burst",
                    LIST_MAX(
                      LIST_APPLY(
                        "t15"."vk__burst",
                        LAMBDA __ibis_param_ts__, __ibis_param_i__ : CASE
                          WHEN (
                            LIST_EXTRACT("t15"."vk__burst", (
                              __ibis_param_i__ - 1
                            ) + 5) - __ibis_param_ts__
                          ) < 172800.0
                          THEN LIST_EXTRACT("t15"."vk__burst", (
                            __ibis_param_i__ - 1
                          ) + 5)
                          ELSE CAST(NULL AS DOUBLE)
                        END
                      )
                    ) AS "vend__burst"
                  FROM (
                    SELECT
                      "t12"."person_id",
                      MAX("t12"."progress") FILTER(WHERE
                        (
                          "t12"."event" = 'onboarding_progress'
                        ) AND TRUE) AS "m__onboarding",
                      MAX("t12"."ts") FILTER(WHERE
                        (
                          "t12"."event" = 'onboarding_progress'
                        ) AND TRUE) AS "last__onboarding",
                      COUNT(*) FILTER(WHERE
                        (
                          "t12"."event" = 'core_feature_used'
                        )
                        AND (
                          TRUE
                          AND (
                            "t12"."ts_s" >= "t12"."created_s"
                          )
                          AND (
                            "t12"."ts_s" < (
                              "t12"."created_s" + 1209600.0
                            )
                          )
                        )) AS "m__core_feature",
                      MAX("t12"."ts") FILTER(WHERE
                        (
                          "t12"."event" = 'core_feature_used'
                        )
                        AND (
                          TRUE
                          AND (
                            "t12"."ts_s" >= "t12"."created_s"
                          )
                          AND (
                            "t12"."ts_s" < (
                              "t12"."created_s" + 1209600.0
                            )
                          )
                        )) AS "last__core_feature",
                      COUNT(*) FILTER(WHERE
                        (
                          "t12"."event" = 'integration_connected'
                        ) AND TRUE) AS "m__integration",
                      MAX("t12"."ts") FILTER(WHERE
                        (
                          "t12"."event" = 'integration_connected'
                        ) AND TRUE) AS "last__integration",
                      COUNT(*) FILTER(WHERE
                        (
                          "t12"."event" = 'teammate_invited'
                        ) AND TRUE) AS "m__invites",
                      MAX("t12"."ts") FILTER(WHERE
                        (
                          "t12"."event" = 'teammate_invited'
                        ) AND TRUE) AS "last__invites",
                      COUNT(*) FILTER(WHERE
                        (
                          "t12"."event" = 'pricing_page_viewed'
                        )
                        AND COALESCE("t12"."logged_in", FALSE)
                        AND TRUE) AS "m__pricing_logged_in",
                      MAX("t12"."ts") FILTER(WHERE
                        (
                          "t12"."event" = 'pricing_page_viewed'
                        )
                        AND COALESCE("t12"."logged_in", FALSE)
                        AND TRUE) AS "last__pricing_logged_in",
                      COUNT(*) FILTER(WHERE
                        (
                          "t12"."event" = 'pricing_page_viewed'
                        )
                        AND COALESCE(NOT (
                          "t12"."logged_in"
                        ), FALSE)
                        AND TRUE) AS "m__pricing_anonymous",
                      MAX("t12"."ts") FILTER(WHERE
                        (
                          "t12"."event" = 'pricing_page_viewed'
                        )
                        AND COALESCE(NOT (
                          "t12"."logged_in"
                        ), FALSE)
                        AND TRUE) AS "last__pricing_anonymous",
                      COUNT(*) FILTER(WHERE
                        (
                          "t12"."event" = 'checkout_started'
                        ) AND TRUE) AS "m__checkout",
                      MAX("t12"."ts") FILTER(WHERE
                        (
                          "t12"."event" = 'checkout_started'
                        ) AND TRUE) AS "last__checkout",
                      COUNT(*) FILTER(WHERE
                        (
                          "t12"."event" = 'premium_feature_used'
                        ) AND TRUE) AS "m__premium_feature",
                      MAX("t12"."ts") FILTER(WHERE
                        (
                          "t12"."event" = 'premium_feature_used'
                        ) AND TRUE) AS "last__premium_feature",
                      COUNT(*) FILTER(WHERE
                        "t12"."event" IN ('data_exported', 'report_generated') AND TRUE) AS "m__export",
                      MAX("t12"."ts") FILTER(WHERE
                        "t12"."event" IN ('data_exported', 'report_generated') AND TRUE) AS "last__export",
                      COUNT(*) FILTER(WHERE
                        (
                          "t12"."event" = 'login'
                        )
                        AND (
                          TRUE
                          AND (
                            "t12"."ts_s" >= "t12"."created_s"
                          )
                          AND (
                            "t12"."ts_s" < (
                              "t12"."created_s" + 604800.0
                            )
                          )
                        )) AS "m__logins_week_one",
                      MAX("t12"."ts") FILTER(WHERE
                        (
                          "t12"."event" = 'login'
                        )
                        AND (
                          TRUE
                          AND (
                            "t12"."ts_s" >= "t12"."created_s"
                          )
                          AND (
                            "t12"."ts_s" < (
                              "t12"."created_s" + 604800.0
                            )
                          )
                        )) AS "last__logins_week_one",
                      COUNT(*) FILTER(WHERE
                        (
                          "t12"."event" = 'session_ended'
                        )
                        AND COALESCE("t12"."features_used" >= 3, FALSE)
                        AND TRUE) AS "m__session_depth",
                      MAX("t12"."ts") FILTER(WHERE
                        (
                          "t12"."event" = 'session_ended'
                        )
                        AND COALESCE("t12"."features_used" >= 3, FALSE)
                        AND TRUE) AS "last__session_depth",
                      MAX("t12"."ts_s") FILTER(WHERE
                        "t12"."event" = 'login') AS "act__inactive",
                      COUNT(*) FILTER(WHERE
                        (
                          "t12"."event" = 'email_unsubscribed'
                        ) AND TRUE) AS "m__unsubscribed",
                      MAX("t12"."ts") FILTER(WHERE
                        (
                          "t12"."event" = 'email_unsubscribed'
                        ) AND TRUE) AS "last__unsubscribed",
                      COUNT(*) FILTER(WHERE
                        (
                          "t12"."event" = 'plan_downgraded'
                        ) AND TRUE) AS "m__downgraded",
                      MAX("t12"."ts") FILTER(WHERE
                        (
                          "t12"."event" = 'plan_downgraded'
                        ) AND TRUE) AS "last__downgraded",
                      COUNT(*) FILTER(WHERE
                        "t12"."event" IN (
                          'pricing_page_viewed',
                          'checkout_started',
                          'contact_sales_submitted',
                          'demo_requested'
                        )
                        AND (
                          TRUE
                          AND (
                            "t12"."ts_s" > (
                              CAST(EPOCH(CAST(MAKE_TIMESTAMP(2026, 3, 1, 12, 0, 0.0) AS TIMESTAMP)) AS DOUBLE) - 604800.0
                            )
                          )
                        )) AS "m__high_intent_7d",
                      MAX("t12"."ts") FILTER(WHERE
                        "t12"."event" IN (
                          'pricing_page_viewed',
                          'checkout_started',
                          'contact_sales_submitted',
                          'demo_requested'
                        )
                        AND (
                          TRUE
                          AND (
                            "t12"."ts_s" > (
                              CAST(EPOCH(CAST(MAKE_TIMESTAMP(2026, 3, 1, 12, 0, 0.0) AS TIMESTAMP)) AS DOUBLE) - 604800.0
                            )
                          )
                        )) AS "last__high_intent_7d",
                      MAX("t12"."ts") AS "last_activity",
                      LIST_SORT(
                        ARRAY_AGG("t12"."ts_s") FILTER(WHERE
                          "t12"."event" IN (
                            'onboarding_completed',
                            'core_feature_used',
                            'integration_connected',
                            'teammate_invited',
                            'pricing_page_viewed',
                            'checkout_started'
                          ))
                      ) AS "vk__burst"
                    FROM (
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
                          "t2"."person_id",
                          "t2"."event",
                          "t2"."ts",
                          "t2"."event_id",
                          "t2"."progress",
                          "t2"."feature",
                          "t2"."integration_type",
                          "t2"."logged_in",
                          "t2"."duration_s",
                          "t2"."features_used",
                          CAST(EPOCH(CAST("t2"."ts" AS TIMESTAMP)) AS DOUBLE) AS "ts_s"
                        FROM "events" AS "t2"
                        WHERE
                          "t2"."person_id" IS NOT NULL
                          AND "t2"."event" IS NOT NULL
                          AND "t2"."ts" IS NOT NULL
                          AND "t2"."ts" <= MAKE_TIMESTAMP(2026, 3, 1, 12, 0, 0.0)
                      ) AS "t8"
                      INNER JOIN (
                        SELECT
                          "t0"."person_id",
                          CAST(EPOCH(CAST("t0"."created_at" AS TIMESTAMP)) AS DOUBLE) AS "created_s"
                        FROM "people" AS "t0"
                        WHERE
                          "t0"."person_id" IS NOT NULL
                          AND (
                            (
                              "t0"."created_at" IS NULL
                            )
                            OR (
                              "t0"."created_at" <= MAKE_TIMESTAMP(2026, 3, 1, 12, 0, 0.0)
                            )
                          )
                      ) AS "t6"
                        ON "t8"."person_id" = "t6"."person_id"
                    ) AS "t12"
                    GROUP BY
                      1
                  ) AS "t15"
                ) AS "t17"
              ) AS "t18"
            ) AS "t19"
          ) AS "t23"
            ON "t22"."person_id" = "t23"."_key"
        ) AS "t24"
      ) AS "t25"
    ) AS "t26"
  ) AS "t27"
) AS "t28"
