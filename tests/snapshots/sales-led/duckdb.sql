SELECT
  "t22"."person_id",
  "t22"."account_id",
  "t22"."fit",
  "t22"."behavior",
  "t22"."total",
  CASE
    WHEN TRUE
    AND COALESCE("t22"."total" >= 75.0, FALSE)
    AND COALESCE(COALESCE(CAST("t22"."m__high_intent_7d" AS DOUBLE), 0.0) >= 1.0, FALSE)
    THEN 'SQL'
    WHEN TRUE
    AND COALESCE("t22"."fit" >= 50.0, FALSE)
    AND COALESCE("t22"."behavior" >= 25.0, FALSE)
    THEN 'MQL'
    ELSE CAST(NULL AS TEXT)
  END AS "status",
  CASE
    WHEN "t22"."fit" >= 70.0
    THEN 'strong'
    WHEN "t22"."fit" >= 40.0
    THEN 'moderate'
    ELSE 'weak'
  END AS "fit_tier",
  CASE
    WHEN "t22"."behavior" >= 76.0
    THEN 'hot'
    WHEN "t22"."behavior" >= 51.0
    THEN 'warm'
    WHEN "t22"."behavior" >= 26.0
    THEN 'developing'
    ELSE 'cold'
  END AS "intent_tier",
  CASE
    WHEN CASE WHEN "t22"."fit" >= 70.0 THEN 0 WHEN "t22"."fit" >= 40.0 THEN 1 ELSE 2 END = 0
    THEN 'A'
    WHEN CASE WHEN "t22"."fit" >= 70.0 THEN 0 WHEN "t22"."fit" >= 40.0 THEN 1 ELSE 2 END = 1
    THEN 'B'
    WHEN CASE WHEN "t22"."fit" >= 70.0 THEN 0 WHEN "t22"."fit" >= 40.0 THEN 1 ELSE 2 END = 2
    THEN 'C'
    ELSE CAST(NULL AS TEXT)
  END || CAST(CASE
    WHEN "t22"."behavior" >= 76.0
    THEN 0
    WHEN "t22"."behavior" >= 51.0
    THEN 1
    WHEN "t22"."behavior" >= 26.0
    THEN 2
    ELSE 3
  END + 1 AS TEXT) AS "matrix",
  MAKE_TIMESTAMP(2026, 3, 1, 12, 0, 0.0) AS "score_date",
  '10bad467bf9c7a18' AS "logic_hash",
  "t22"."created_at",
  "t22"."email_domain",
  "t22"."email",
  "t22"."title",
  "t22"."plan",
  "t22"."country",
  "t22"."account__name",
  "t22"."account__domain",
  "t22"."account__employees",
  "t22"."account__industry",
  "t22"."account__country",
  "t22"."account__tech_stack",
  "t22"."fit__industry",
  "t22"."fit__company_size",
  "t22"."fit__seniority",
  "t22"."fit__geography",
  "t22"."fit__tech_stack",
  "t22"."fit__competitor",
  "t22"."fit__student",
  "t22"."fit__student_domain",
  "t22"."fit__personal_email",
  "t22"."fitcase__industry",
  "t22"."fv__industry",
  "t22"."fitcase__company_size",
  "t22"."fv__company_size",
  "t22"."fitcase__seniority",
  "t22"."fv__seniority",
  "t22"."fitcase__geography",
  "t22"."fv__geography",
  "t22"."fitcase__tech_stack",
  "t22"."fv__tech_stack",
  "t22"."fitcase__competitor",
  "t22"."fv__competitor",
  "t22"."fitcase__student",
  "t22"."fv__student",
  "t22"."fitcase__student_domain",
  "t22"."fv__student_domain",
  "t22"."fitcase__personal_email",
  "t22"."fv__personal_email",
  "t22"."fit_rules",
  "t22"."m__demo_request",
  "t22"."last__demo_request",
  "t22"."m__contact_sales",
  "t22"."last__contact_sales",
  "t22"."m__pricing",
  "t22"."last__pricing",
  "t22"."m__webinar",
  "t22"."last__webinar",
  "t22"."m__content",
  "t22"."last__content",
  "t22"."m__email_clicks",
  "t22"."last__email_clicks",
  "t22"."m__email_opens",
  "t22"."last__email_opens",
  "t22"."m__blog",
  "t22"."last__blog",
  "t22"."m__unsubscribed",
  "t22"."last__unsubscribed",
  "t22"."m__high_intent_7d",
  "t22"."last__high_intent_7d",
  "t22"."last_activity",
  "t22"."pts__demo_request",
  "t22"."pts__contact_sales",
  "t22"."pts__pricing",
  "t22"."pts__webinar",
  "t22"."pts__content",
  "t22"."pts__email_clicks",
  "t22"."pts__email_opens",
  "t22"."pts__blog",
  "t22"."pts__unsubscribed",
  "t22"."grp__demo_request",
  "t22"."grp__contact_sales",
  "t22"."grp__pricing",
  "t22"."grp__webinar",
  "t22"."grp__content",
  "t22"."grp__email_clicks",
  "t22"."grp__email_opens",
  "t22"."grp__blog",
  "t22"."grp__unsubscribed",
  "t22"."b__demo_request",
  "t22"."b__contact_sales",
  "t22"."b__pricing",
  "t22"."b__webinar",
  "t22"."b__content",
  "t22"."b__email_clicks",
  "t22"."b__email_opens",
  "t22"."b__blog",
  "t22"."b__unsubscribed",
  "t22"."behavior_rules",
  "t22"."behavior_capped",
  "t22"."behavior_raw",
  "t22"."inactive_days",
  "t22"."decay_periods",
  "t22"."behavior_decayed",
  COALESCE("t22"."total" >= 75.0, FALSE) AS "cond__0__0",
  COALESCE(COALESCE(CAST("t22"."m__high_intent_7d" AS DOUBLE), 0.0) >= 1.0, FALSE) AS "cond__0__1",
  TRUE
  AND COALESCE("t22"."total" >= 75.0, FALSE)
  AND COALESCE(COALESCE(CAST("t22"."m__high_intent_7d" AS DOUBLE), 0.0) >= 1.0, FALSE) AS "is__0",
  COALESCE("t22"."fit" >= 50.0, FALSE) AS "cond__1__0",
  COALESCE("t22"."behavior" >= 25.0, FALSE) AS "cond__1__1",
  TRUE
  AND COALESCE("t22"."fit" >= 50.0, FALSE)
  AND COALESCE("t22"."behavior" >= 25.0, FALSE) AS "is__1"
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
    "t21"."fin__4",
    "t21"."account__name",
    "t21"."account__domain",
    "t21"."account__employees",
    "t21"."account__industry",
    "t21"."account__country",
    "t21"."account__tech_stack",
    "t21"."fin__0",
    "t21"."fin__2",
    "t21"."fin__3",
    "t21"."fit__industry",
    "t21"."fit__company_size",
    "t21"."fit__seniority",
    "t21"."fit__geography",
    "t21"."fit__tech_stack",
    "t21"."fit__competitor",
    "t21"."fit__student",
    "t21"."fit__student_domain",
    "t21"."fit__personal_email",
    "t21"."fitcase__industry",
    "t21"."fv__industry",
    "t21"."fitcase__company_size",
    "t21"."fv__company_size",
    "t21"."fitcase__seniority",
    "t21"."fv__seniority",
    "t21"."fitcase__geography",
    "t21"."fv__geography",
    "t21"."fitcase__tech_stack",
    "t21"."fv__tech_stack",
    "t21"."fitcase__competitor",
    "t21"."fv__competitor",
    "t21"."fitcase__student",
    "t21"."fv__student",
    "t21"."fitcase__student_domain",
    "t21"."fv__student_domain",
    "t21"."fitcase__personal_email",
    "t21"."fv__personal_email",
    "t21"."fit_rules",
    "t21"."fit",
    "t21"."m__demo_request",
    "t21"."last__demo_request",
    "t21"."m__contact_sales",
    "t21"."last__contact_sales",
    "t21"."m__pricing",
    "t21"."last__pricing",
    "t21"."m__webinar",
    "t21"."last__webinar",
    "t21"."m__content",
    "t21"."last__content",
    "t21"."m__email_clicks",
    "t21"."last__email_clicks",
    "t21"."m__email_opens",
    "t21"."last__email_opens",
    "t21"."m__blog",
    "t21"."last__blog",
    "t21"."m__unsubscribed",
    "t21"."last__unsubscribed",
    "t21"."m__high_intent_7d",
    "t21"."last__high_intent_7d",
    "t21"."last_activity",
    "t21"."pts__demo_request",
    "t21"."pts__contact_sales",
    "t21"."pts__pricing",
    "t21"."pts__webinar",
    "t21"."pts__content",
    "t21"."pts__email_clicks",
    "t21"."pts__email_opens",
    "t21"."pts__blog",
    "t21"."pts__unsubscribed",
    "t21"."grp__demo_request",
    "t21"."grp__contact_sales",
    "t21"."grp__pricing",
    "t21"."grp__webinar",
    "t21"."grp__content",
    "t21"."grp__email_clicks",
    "t21"."grp__email_opens",
    "t21"."grp__blog",
    "t21"."grp__unsubscribed",
    "t21"."b__demo_request",
    "t21"."b__contact_sales",
    "t21"."b__pricing",
    "t21"."b__webinar",
    "t21"."b__content",
    "t21"."b__email_clicks",
    "t21"."b__email_opens",
    "t21"."b__blog",
    "t21"."b__unsubscribed",
    "t21"."behavior_rules",
    "t21"."behavior_capped",
    "t21"."behavior_raw",
    GREATEST(
      CAST(EPOCH(CAST(MAKE_TIMESTAMP(2026, 3, 1, 12, 0, 0.0) AS TIMESTAMP)) AS DOUBLE) - GREATEST(
        COALESCE(
          CAST(EPOCH(CAST("t21"."last_activity" AS TIMESTAMP)) AS DOUBLE),
          CAST(EPOCH(CAST("t21"."created_at" AS TIMESTAMP)) AS DOUBLE)
        ),
        COALESCE(
          CAST(EPOCH(CAST("t21"."created_at" AS TIMESTAMP)) AS DOUBLE),
          CAST(EPOCH(CAST("t21"."last_activity" AS TIMESTAMP)) AS DOUBLE)
        )
      ),
      0.0
    ) / 86400.0 AS "inactive_days",
    COALESCE(
      CAST(CAST(FLOOR(
        GREATEST(
          CAST(EPOCH(CAST(MAKE_TIMESTAMP(2026, 3, 1, 12, 0, 0.0) AS TIMESTAMP)) AS DOUBLE) - GREATEST(
            COALESCE(
              CAST(EPOCH(CAST("t21"."last_activity" AS TIMESTAMP)) AS DOUBLE),
              CAST(EPOCH(CAST("t21"."created_at" AS TIMESTAMP)) AS DOUBLE)
            ),
            COALESCE(
              CAST(EPOCH(CAST("t21"."created_at" AS TIMESTAMP)) AS DOUBLE),
              CAST(EPOCH(CAST("t21"."last_activity" AS TIMESTAMP)) AS DOUBLE)
            )
          ),
          0.0
        ) / 2592000.0
      ) AS BIGINT) AS DOUBLE),
      0.0
    ) AS "decay_periods",
    COALESCE(
      CASE
        WHEN "t21"."behavior_raw" > 0.0
        THEN GREATEST(
          "t21"."behavior_raw" * (
            POWER(
              0.75,
              CAST(CAST(FLOOR(
                GREATEST(
                  CAST(EPOCH(CAST(MAKE_TIMESTAMP(2026, 3, 1, 12, 0, 0.0) AS TIMESTAMP)) AS DOUBLE) - GREATEST(
                    COALESCE(
                      CAST(EPOCH(CAST("t21"."last_activity" AS TIMESTAMP)) AS DOUBLE),
                      CAST(EPOCH(CAST("t21"."created_at" AS TIMESTAMP)) AS DOUBLE)
                    ),
                    COALESCE(
                      CAST(EPOCH(CAST("t21"."created_at" AS TIMESTAMP)) AS DOUBLE),
                      CAST(EPOCH(CAST("t21"."last_activity" AS TIMESTAMP)) AS DOUBLE)
                    )
                  ),
                  0.0
                ) / 2592000.0
              ) AS BIGINT) AS DOUBLE)
            )
          ),
          0.0
        )
        ELSE "t21"."behavior_raw"
      END,
      "t21"."behavior_raw"
    ) AS "behavior_decayed",
    GREATEST(
      COALESCE(
        CASE
          WHEN "t21"."behavior_raw" > 0.0
          THEN GREATEST(
            "t21"."behavior_raw" * (
              POWER(
                0.75,
                CAST(CAST(FLOOR(
                  GREATEST(
                    CAST(EPOCH(CAST(MAKE_TIMESTAMP(2026, 3, 1, 12, 0, 0.0) AS TIMESTAMP)) AS DOUBLE) - GREATEST(
                      COALESCE(
                        CAST(EPOCH(CAST("t21"."last_activity" AS TIMESTAMP)) AS DOUBLE),
                        CAST(EPOCH(CAST("t21"."created_at" AS TIMESTAMP)) AS DOUBLE)
                      ),
                      COALESCE(
                        CAST(EPOCH(CAST("t21"."created_at" AS TIMESTAMP)) AS DOUBLE),
                        CAST(EPOCH(CAST("t21"."last_activity" AS TIMESTAMP)) AS DOUBLE)
                      )
                    ),
                    0.0
                  ) / 2592000.0
                ) AS BIGINT) AS DOUBLE)
              )
            ),
            0.0
          )
          ELSE "t21"."behavior_raw"
        END,
        "t21"."behavior_raw"
      ),
      0.0
    ) AS "behavior",
    (
      "t21"."fit" * 1
    ) + (
      GREATEST(
        COALESCE(
          CASE
            WHEN "t21"."behavior_raw" > 0.0
            THEN GREATEST(
              "t21"."behavior_raw" * (
                POWER(
                  0.75,
                  CAST(CAST(FLOOR(
                    GREATEST(
                      CAST(EPOCH(CAST(MAKE_TIMESTAMP(2026, 3, 1, 12, 0, 0.0) AS TIMESTAMP)) AS DOUBLE) - GREATEST(
                        COALESCE(
                          CAST(EPOCH(CAST("t21"."last_activity" AS TIMESTAMP)) AS DOUBLE),
                          CAST(EPOCH(CAST("t21"."created_at" AS TIMESTAMP)) AS DOUBLE)
                        ),
                        COALESCE(
                          CAST(EPOCH(CAST("t21"."created_at" AS TIMESTAMP)) AS DOUBLE),
                          CAST(EPOCH(CAST("t21"."last_activity" AS TIMESTAMP)) AS DOUBLE)
                        )
                      ),
                      0.0
                    ) / 2592000.0
                  ) AS BIGINT) AS DOUBLE)
                )
              ),
              0.0
            )
            ELSE "t21"."behavior_raw"
          END,
          "t21"."behavior_raw"
        ),
        0.0
      ) * 1
    ) AS "total"
  FROM (
    SELECT
      "t20"."person_id",
      "t20"."account_id",
      "t20"."created_at",
      "t20"."email_domain",
      "t20"."email",
      "t20"."title",
      "t20"."plan",
      "t20"."country",
      "t20"."fin__1",
      "t20"."fin__4",
      "t20"."account__name",
      "t20"."account__domain",
      "t20"."account__employees",
      "t20"."account__industry",
      "t20"."account__country",
      "t20"."account__tech_stack",
      "t20"."fin__0",
      "t20"."fin__2",
      "t20"."fin__3",
      "t20"."fit__industry",
      "t20"."fit__company_size",
      "t20"."fit__seniority",
      "t20"."fit__geography",
      "t20"."fit__tech_stack",
      "t20"."fit__competitor",
      "t20"."fit__student",
      "t20"."fit__student_domain",
      "t20"."fit__personal_email",
      "t20"."fitcase__industry",
      "t20"."fv__industry",
      "t20"."fitcase__company_size",
      "t20"."fv__company_size",
      "t20"."fitcase__seniority",
      "t20"."fv__seniority",
      "t20"."fitcase__geography",
      "t20"."fv__geography",
      "t20"."fitcase__tech_stack",
      "t20"."fv__tech_stack",
      "t20"."fitcase__competitor",
      "t20"."fv__competitor",
      "t20"."fitcase__student",
      "t20"."fv__student",
      "t20"."fitcase__student_domain",
      "t20"."fv__student_domain",
      "t20"."fitcase__personal_email",
      "t20"."fv__personal_email",
      "t20"."fit_rules",
      "t20"."fit",
      "t20"."m__demo_request",
      "t20"."last__demo_request",
      "t20"."m__contact_sales",
      "t20"."last__contact_sales",
      "t20"."m__pricing",
      "t20"."last__pricing",
      "t20"."m__webinar",
      "t20"."last__webinar",
      "t20"."m__content",
      "t20"."last__content",
      "t20"."m__email_clicks",
      "t20"."last__email_clicks",
      "t20"."m__email_opens",
      "t20"."last__email_opens",
      "t20"."m__blog",
      "t20"."last__blog",
      "t20"."m__unsubscribed",
      "t20"."last__unsubscribed",
      "t20"."m__high_intent_7d",
      "t20"."last__high_intent_7d",
      "t20"."last_activity",
      "t20"."pts__demo_request",
      "t20"."pts__contact_sales",
      "t20"."pts__pricing",
      "t20"."pts__webinar",
      "t20"."pts__content",
      "t20"."pts__email_clicks",
      "t20"."pts__email_opens",
      "t20"."pts__blog",
      "t20"."pts__unsubscribed",
      "t20"."grp__demo_request",
      "t20"."grp__contact_sales",
      "t20"."grp__pricing",
      "t20"."grp__webinar",
      "t20"."grp__content",
      "t20"."grp__email_clicks",
      "t20"."grp__email_opens",
      "t20"."grp__blog",
      "t20"."grp__unsubscribed",
      "t20"."b__demo_request",
      "t20"."b__contact_sales",
      "t20"."b__pricing",
      "t20"."b__webinar",
      "t20"."b__content",
      "t20"."b__email_clicks",
      "t20"."b__email_opens",
      "t20"."b__blog",
      "t20"."b__unsubscribed",
      CAST(0 AS DOUBLE) + "t20"."b__demo_request" + "t20"."b__contact_sales" + "t20"."b__pricing" + "t20"."b__webinar" + "t20"."b__content" + "t20"."b__email_clicks" + "t20"."b__email_opens" + "t20"."b__blog" + "t20"."b__unsubscribed" AS "behavior_rules",
      LEAST(
        CAST(0 AS DOUBLE) + "t20"."b__demo_request" + "t20"."b__contact_sales" + "t20"."b__pricing" + "t20"."b__webinar" + "t20"."b__content" + "t20"."b__email_clicks" + "t20"."b__email_opens" + "t20"."b__blog" + "t20"."b__unsubscribed",
        100.0
      ) AS "behavior_capped",
      LEAST(
        CAST(0 AS DOUBLE) + "t20"."b__demo_request" + "t20"."b__contact_sales" + "t20"."b__pricing" + "t20"."b__webinar" + "t20"."b__content" + "t20"."b__email_clicks" + "t20"."b__email_opens" + "t20"."b__blog" + "t20"."b__unsubscribed",
        100.0
      ) + CAST(0 AS DOUBLE) AS "behavior_raw"
    FROM (
      SELECT
        "t19"."person_id",
        "t19"."account_id",
        "t19"."created_at",
        "t19"."email_domain",
        "t19"."email",
        "t19"."title",
        "t19"."plan",
        "t19"."country",
        "t19"."fin__1",
        "t19"."fin__4",
        "t19"."account__name",
        "t19"."account__domain",
        "t19"."account__employees",
        "t19"."account__industry",
        "t19"."account__country",
        "t19"."account__tech_stack",
        "t19"."fin__0",
        "t19"."fin__2",
        "t19"."fin__3",
        "t19"."fit__industry",
        "t19"."fit__company_size",
        "t19"."fit__seniority",
        "t19"."fit__geography",
        "t19"."fit__tech_stack",
        "t19"."fit__competitor",
        "t19"."fit__student",
        "t19"."fit__student_domain",
        "t19"."fit__personal_email",
        "t19"."fitcase__industry",
        "t19"."fv__industry",
        "t19"."fitcase__company_size",
        "t19"."fv__company_size",
        "t19"."fitcase__seniority",
        "t19"."fv__seniority",
        "t19"."fitcase__geography",
        "t19"."fv__geography",
        "t19"."fitcase__tech_stack",
        "t19"."fv__tech_stack",
        "t19"."fitcase__competitor",
        "t19"."fv__competitor",
        "t19"."fitcase__student",
        "t19"."fv__student",
        "t19"."fitcase__student_domain",
        "t19"."fv__student_domain",
        "t19"."fitcase__personal_email",
        "t19"."fv__personal_email",
        "t19"."fit_rules",
        "t19"."fit",
        "t19"."m__demo_request",
        "t19"."last__demo_request",
        "t19"."m__contact_sales",
        "t19"."last__contact_sales",
        "t19"."m__pricing",
        "t19"."last__pricing",
        "t19"."m__webinar",
        "t19"."last__webinar",
        "t19"."m__content",
        "t19"."last__content",
        "t19"."m__email_clicks",
        "t19"."last__email_clicks",
        "t19"."m__email_opens",
        "t19"."last__email_opens",
        "t19"."m__blog",
        "t19"."last__blog",
        "t19"."m__unsubscribed",
        "t19"."last__unsubscribed",
        "t19"."m__high_intent_7d",
        "t19"."last__high_intent_7d",
        "t19"."last_activity",
        CASE
          WHEN COALESCE(CAST("t19"."m__demo_request" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(50 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "pts__demo_request",
        CASE
          WHEN COALESCE(CAST("t19"."m__contact_sales" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(40 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "pts__contact_sales",
        CASE
          WHEN COALESCE(CAST("t19"."m__pricing" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(30 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "pts__pricing",
        CASE
          WHEN COALESCE(CAST("t19"."m__webinar" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(15 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "pts__webinar",
        LEAST(COALESCE(CAST("t19"."m__content" AS DOUBLE), 0.0) * 5.0, 10.0) AS "pts__content",
        LEAST(COALESCE(CAST("t19"."m__email_clicks" AS DOUBLE), 0.0) * 2.0, 6.0) AS "pts__email_clicks",
        LEAST(COALESCE(CAST("t19"."m__email_opens" AS DOUBLE), 0.0) * 1.0, 5.0) AS "pts__email_opens",
        LEAST(COALESCE(CAST("t19"."m__blog" AS DOUBLE), 0.0) * 1.0, 5.0) AS "pts__blog",
        CASE
          WHEN COALESCE(CAST("t19"."m__unsubscribed" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(-10 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "pts__unsubscribed",
        CASE
          WHEN COALESCE(CAST("t19"."m__demo_request" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(50 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "grp__demo_request",
        CASE
          WHEN COALESCE(CAST("t19"."m__contact_sales" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(40 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "grp__contact_sales",
        CASE
          WHEN COALESCE(CAST("t19"."m__pricing" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(30 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "grp__pricing",
        CASE
          WHEN COALESCE(CAST("t19"."m__webinar" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(15 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "grp__webinar",
        LEAST(COALESCE(CAST("t19"."m__content" AS DOUBLE), 0.0) * 5.0, 10.0) AS "grp__content",
        LEAST(COALESCE(CAST("t19"."m__email_clicks" AS DOUBLE), 0.0) * 2.0, 6.0) AS "grp__email_clicks",
        LEAST(COALESCE(CAST("t19"."m__email_opens" AS DOUBLE), 0.0) * 1.0, 5.0) AS "grp__email_opens",
        LEAST(COALESCE(CAST("t19"."m__blog" AS DOUBLE), 0.0) * 1.0, 5.0) AS "grp__blog",
        CASE
          WHEN COALESCE(CAST("t19"."m__unsubscribed" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(-10 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "grp__unsubscribed",
        CASE
          WHEN COALESCE(CAST("t19"."m__demo_request" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(50 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "b__demo_request",
        CASE
          WHEN COALESCE(CAST("t19"."m__contact_sales" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(40 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "b__contact_sales",
        CASE
          WHEN COALESCE(CAST("t19"."m__pricing" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(30 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "b__pricing",
        CASE
          WHEN COALESCE(CAST("t19"."m__webinar" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(15 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "b__webinar",
        LEAST(COALESCE(CAST("t19"."m__content" AS DOUBLE), 0.0) * 5.0, 10.0) AS "b__content",
        LEAST(COALESCE(CAST("t19"."m__email_clicks" AS DOUBLE), 0.0) * 2.0, 6.0) AS "b__email_clicks",
        LEAST(COALESCE(CAST("t19"."m__email_opens" AS DOUBLE), 0.0) * 1.0, 5.0) AS "b__email_opens",
        LEAST(COALESCE(CAST("t19"."m__blog" AS DOUBLE), 0.0) * 1.0, 5.0) AS "b__blog",
        CASE
          WHEN COALESCE(CAST("t19"."m__unsubscribed" AS DOUBLE), 0.0) >= 1.0
          THEN CAST(-10 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "b__unsubscribed"
      FROM (
        SELECT
          "t18".*
          EXCLUDE ("_key")
        FROM (
          SELECT
            "t17"."person_id",
            "t17"."account_id",
            "t17"."created_at",
            "t17"."email_domain",
            "t17"."email",
            "t17"."title",
            "t17"."plan",
            "t17"."country",
            "t17"."fin__1",
            "t17"."fin__4",
            "t17"."account__name",
            "t17"."account__domain",
            "t17"."account__employees",
            "t17"."account__industry",
            "t17"."account__country",
            "t17"."account__tech_stack",
            "t17"."fin__0",
            "t17"."fin__2",
            "t17"."fin__3",
            "t17"."fit__industry",
            "t17"."fit__company_size",
            "t17"."fit__seniority",
            "t17"."fit__geography",
            "t17"."fit__tech_stack",
            "t17"."fit__competitor",
            "t17"."fit__student",
            "t17"."fit__student_domain",
            "t17"."fit__personal_email",
            "t17"."fitcase__industry",
            "t17"."fv__industry",
            "t17"."fitcase__company_size",
            "t17"."fv__company_size",
            "t17"."fitcase__seniority",
            "t17"."fv__seniority",
            "t17"."fitcase__geography",
            "t17"."fv__geography",
            "t17"."fitcase__tech_stack",
            "t17"."fv__tech_stack",
            "t17"."fitcase__competitor",
            "t17"."fv__competitor",
            "t17"."fitcase__student",
            "t17"."fv__student",
            "t17"."fitcase__student_domain",
            "t17"."fv__student_domain",
            "t17"."fitcase__personal_email",
            "t17"."fv__personal_email",
            "t17"."fit_rules",
            "t17"."fit",
            "t12"."_key",
            "t12"."m__demo_request",
            "t12"."last__demo_request",
            "t12"."m__contact_sales",
            "t12"."last__contact_sales",
            "t12"."m__pricing",
            "t12"."last__pricing",
            "t12"."m__webinar",
            "t12"."last__webinar",
            "t12"."m__content",
            "t12"."last__content",
            "t12"."m__email_clicks",
            "t12"."last__email_clicks",
            "t12"."m__email_opens",
            "t12"."last__email_opens",
            "t12"."m__blog",
            "t12"."last__blog",
            "t12"."m__unsubscribed",
            "t12"."last__unsubscribed",
            "t12"."m__high_intent_7d",
            "t12"."last__high_intent_7d",
            "t12"."last_activity"
          FROM (
            SELECT
              "t15"."person_id",
              "t15"."account_id",
              "t15"."created_at",
              "t15"."email_domain",
              "t15"."email",
              "t15"."title",
              "t15"."plan",
              "t15"."country",
              "t15"."fin__1",
              "t15"."fin__4",
              "t15"."account__name",
              "t15"."account__domain",
              "t15"."account__employees",
              "t15"."account__industry",
              "t15"."account__country",
              "t15"."account__tech_stack",
              "t15"."fin__0",
              "t15"."fin__2",
              "t15"."fin__3",
              "t15"."fit__industry",
              "t15"."fit__company_size",
              "t15"."fit__seniority",
              "t15"."fit__geography",
              "t15"."fit__tech_stack",
              "t15"."fit__competitor",
              "t15"."fit__student",
              "t15"."fit__student_domain",
              "t15"."fit__personal_email",
              "t15"."fitcase__industry",
              "t15"."fv__industry",
              "t15"."fitcase__company_size",
              "t15"."fv__company_size",
              "t15"."fitcase__seniority",
              "t15"."fv__seniority",
              "t15"."fitcase__geography",
              "t15"."fv__geography",
              "t15"."fitcase__tech_stack",
              "t15"."fv__tech_stack",
              "t15"."fitcase__competitor",
              "t15"."fv__competitor",
              "t15"."fitcase__student",
              "t15"."fv__student",
              "t15"."fitcase__student_domain",
              "t15"."fv__student_domain",
              "t15"."fitcase__personal_email",
              "t15"."fv__personal_email",
              CAST(0 AS DOUBLE) + "t15"."fit__industry" + "t15"."fit__company_size" + "t15"."fit__seniority" + "t15"."fit__geography" + "t15"."fit__tech_stack" + "t15"."fit__competitor" + "t15"."fit__student" + "t15"."fit__student_domain" + "t15"."fit__personal_email" AS "fit_rules",
              GREATEST(
                LEAST(
                  CAST(0 AS DOUBLE) + "t15"."fit__industry" + "t15"."fit__company_size" + "t15"."fit__seniority" + "t15"."fit__geography" + "t15"."fit__tech_stack" + "t15"."fit__competitor" + "t15"."fit__student" + "t15"."fit__student_domain" + "t15"."fit__personal_email",
                  100.0
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
                "t14"."fin__4",
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
                  WHEN COALESCE("t14"."fin__0" = 'saas', FALSE)
                  THEN CAST(20 AS DOUBLE)
                  WHEN COALESCE("t14"."fin__0" IN ('software', 'technology'), FALSE)
                  THEN CAST(10 AS DOUBLE)
                  ELSE CAST(0 AS DOUBLE)
                END AS "fit__industry",
                CASE
                  WHEN COALESCE(CAST("t14"."account__employees" AS DOUBLE) BETWEEN 50.0 AND 500.0, FALSE)
                  THEN CAST(25 AS DOUBLE)
                  WHEN COALESCE(CAST("t14"."account__employees" AS DOUBLE) BETWEEN 20.0 AND 49.0, FALSE)
                  THEN CAST(10 AS DOUBLE)
                  WHEN COALESCE(CAST("t14"."account__employees" AS DOUBLE) BETWEEN 501.0 AND 2000.0, FALSE)
                  THEN CAST(10 AS DOUBLE)
                  ELSE CAST(0 AS DOUBLE)
                END AS "fit__company_size",
                CASE
                  WHEN COALESCE(
                    REGEXP_MATCHES("t14"."fin__1", '\b(vp|vice president|chief|c[etmorf]o|founder|president)\b'),
                    FALSE
                  )
                  THEN CAST(25 AS DOUBLE)
                  WHEN COALESCE(REGEXP_MATCHES("t14"."fin__1", '\b(director|head of)\b'), FALSE)
                  THEN CAST(20 AS DOUBLE)
                  WHEN COALESCE(REGEXP_MATCHES("t14"."fin__1", '\bmanager\b'), FALSE)
                  THEN CAST(10 AS DOUBLE)
                  ELSE CAST(0 AS DOUBLE)
                END AS "fit__seniority",
                CASE
                  WHEN COALESCE("t14"."fin__2" IN ('us', 'ca'), FALSE)
                  THEN CAST(15 AS DOUBLE)
                  WHEN COALESCE("t14"."fin__2" IN ('gb', 'ie', 'de', 'fr', 'nl', 'se', 'dk'), FALSE)
                  THEN CAST(8 AS DOUBLE)
                  ELSE CAST(0 AS DOUBLE)
                END AS "fit__geography",
                CASE
                  WHEN COALESCE(
                    FALSE
                    OR CONTAINS("t14"."fin__3", 'salesforce')
                    OR CONTAINS("t14"."fin__3", 'hubspot'),
                    FALSE
                  )
                  THEN CAST(15 AS DOUBLE)
                  ELSE CAST(0 AS DOUBLE)
                END AS "fit__tech_stack",
                CASE
                  WHEN COALESCE("t14"."fin__4" IN ('rivalscore.io', 'leadrival.com', 'scorehub.com'), FALSE)
                  THEN CAST(-100 AS DOUBLE)
                  ELSE CAST(0 AS DOUBLE)
                END AS "fit__competitor",
                CASE
                  WHEN COALESCE(FALSE OR CONTAINS("t14"."fin__1", 'student'), FALSE)
                  THEN CAST(-50 AS DOUBLE)
                  ELSE CAST(0 AS DOUBLE)
                END AS "fit__student",
                CASE
                  WHEN COALESCE(REGEXP_MATCHES("t14"."fin__4", '\.edu$|\.ac\.[a-z]{2}$'), FALSE)
                  THEN CAST(-50 AS DOUBLE)
                  ELSE CAST(0 AS DOUBLE)
                END AS "fit__student_domain",
                CASE
                  WHEN COALESCE(
                    "t14"."fin__4" IN (
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
                  THEN CAST(-20 AS DOUBLE)
                  ELSE CAST(0 AS DOUBLE)
                END AS "fit__personal_email",
                CASE
                  WHEN COALESCE("t14"."fin__0" = 'saas', FALSE)
                  THEN 0
                  WHEN COALESCE("t14"."fin__0" IN ('software', 'technology'), FALSE)
                  THEN 1
                  ELSE -1
                END AS "fitcase__industry",
                "t14"."account__industry" AS "fv__industry",
                CASE
                  WHEN COALESCE(CAST("t14"."account__employees" AS DOUBLE) BETWEEN 50.0 AND 500.0, FALSE)
                  THEN 0
                  WHEN COALESCE(CAST("t14"."account__employees" AS DOUBLE) BETWEEN 20.0 AND 49.0, FALSE)
                  THEN 1
                  WHEN COALESCE(CAST("t14"."account__employees" AS DOUBLE) BETWEEN 501.0 AND 2000.0, FALSE)
                  THEN 2
                  ELSE -1
                END AS "fitcase__company_size",
                CAST("t14"."account__employees" AS TEXT) AS "fv__company_size",
                CASE
                  WHEN COALESCE(
                    REGEXP_MATCHES("t14"."fin__1", '\b(vp|vice president|chief|c[etmorf]o|founder|president)\b'),
                    FALSE
                  )
                  THEN 0
                  WHEN COALESCE(REGEXP_MATCHES("t14"."fin__1", '\b(director|head of)\b'), FALSE)
                  THEN 1
                  WHEN COALESCE(REGEXP_MATCHES("t14"."fin__1", '\bmanager\b'), FALSE)
                  THEN 2
                  ELSE -1
                END AS "fitcase__seniority",
                "t14"."title" AS "fv__seniority",
                CASE
                  WHEN COALESCE("t14"."fin__2" IN ('us', 'ca'), FALSE)
                  THEN 0
                  WHEN COALESCE("t14"."fin__2" IN ('gb', 'ie', 'de', 'fr', 'nl', 'se', 'dk'), FALSE)
                  THEN 1
                  ELSE -1
                END AS "fitcase__geography",
                "t14"."account__country" AS "fv__geography",
                CASE
                  WHEN COALESCE(
                    FALSE
                    OR CONTAINS("t14"."fin__3", 'salesforce')
                    OR CONTAINS("t14"."fin__3", 'hubspot'),
                    FALSE
                  )
                  THEN 0
                  ELSE -1
                END AS "fitcase__tech_stack",
                "t14"."account__tech_stack" AS "fv__tech_stack",
                CASE
                  WHEN COALESCE("t14"."fin__4" IN ('rivalscore.io', 'leadrival.com', 'scorehub.com'), FALSE)
                  THEN 0
                  ELSE -1
                END AS "fitcase__competitor",
                "t14"."email_domain" AS "fv__competitor",
                CASE
                  WHEN COALESCE(FALSE OR CONTAINS("t14"."fin__1", 'student'), FALSE)
                  THEN 0
                  ELSE -1
                END AS "fitcase__student",
                "t14"."title" AS "fv__student",
                CASE
                  WHEN COALESCE(REGEXP_MATCHES("t14"."fin__4", '\.edu$|\.ac\.[a-z]{2}$'), FALSE)
                  THEN 0
                  ELSE -1
                END AS "fitcase__student_domain",
                "t14"."email_domain" AS "fv__student_domain",
                CASE
                  WHEN COALESCE(
                    "t14"."fin__4" IN (
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
                END AS "fitcase__personal_email",
                "t14"."email_domain" AS "fv__personal_email"
              FROM (
                SELECT
                  "t13".*
                  EXCLUDE ("account__account_id")
                FROM (
                  SELECT
                    "t10"."person_id",
                    "t10"."account_id",
                    "t10"."created_at",
                    "t10"."email_domain",
                    "t10"."email",
                    "t10"."title",
                    "t10"."plan",
                    "t10"."country",
                    "t10"."fin__1",
                    "t10"."fin__4",
                    "t7"."account__account_id",
                    "t7"."account__name",
                    "t7"."account__domain",
                    "t7"."account__employees",
                    "t7"."account__industry",
                    "t7"."account__country",
                    "t7"."account__tech_stack",
                    "t7"."fin__0",
                    "t7"."fin__2",
                    "t7"."fin__3"
                  FROM (
                    SELECT
                      "t5"."person_id",
                      "t5"."account_id",
                      "t5"."created_at",
                      "t5"."email_domain",
                      "t5"."email",
                      "t5"."title",
                      "t5"."plan",
                      "t5"."country",
                      LOWER(TRIM("t5"."title", ' 	
\x0d\x0b\x0c')) AS "fin__1",
                      LOWER(TRIM("t5"."email_domain", ' 	
\x0d\x0b\x0c')) AS "fin__4"
                    FROM (
                      SELECT
                        "t1"."person_id",
                        NULLIF(TRIM("t1"."account_id", ' 	
\x0d\x0b\x0c'), '') AS "account_id",
                        "t1"."created_at",
                        NULLIF(
                          LOWER(TRIM(REGEXP_EXTRACT("t1"."email", '@([^@\s]+)\s*$', 1), ' 	
\x0d\x0b\x0c')),
                          ''
                        ) AS "email_domain",
                        NULLIF(TRIM("t1"."email", ' 	
\x0d\x0b\x0c'), '') AS "email",
                        NULLIF(TRIM("t1"."title", ' 	
\x0d\x0b\x0c'), '') AS "title",
                        NULLIF(TRIM("t1"."plan", ' 	
\x0d\x0b\x0c'), '') AS "plan",
                        NULLIF(TRIM("t1"."country", ' 	
\x0d\x0b\x0c'), '') AS "country"
                      FROM "people" AS "t1"
                      WHERE
                        "t1"."person_id" IS NOT NULL
                        AND (
                          (
                            "t1"."created_at" IS NULL
                          )
                          OR (
                            "t1"."created_at" <= MAKE_TIMESTAMP(2026, 3, 1, 12, 0, 0.0)
                          )
                        )
                    ) AS "t5"
                  ) AS "t10"
                  LEFT OUTER JOIN (
                    SELECT
                      "t4"."account__account_id",
                      "t4"."account__name",
                      "t4"."account__domain",
                      "t4"."account__employees",
                      "t4"."account__industry",
                      "t4"."account__country",
                      "t4"."account__tech_stack",
                      LOWER(TRIM("t4"."account__industry", ' 	
\x0d\x0b\x0c')) AS "fin__0",
                      LOWER(TRIM("t4"."account__country", ' 	
\x0d\x0b\x0c')) AS "fin__2",
                      LOWER(TRIM("t4"."account__tech_stack", ' 	
\x0d\x0b\x0c')) AS "fin__3"
                    FROM (
                      SELECT
                        "t2"."account_id" AS "account__account_id",
                        NULLIF(TRIM("t2"."name", ' 	
\x0d\x0b\x0c'), '') AS "account__name",
                        NULLIF(TRIM("t2"."domain", ' 	
\x0d\x0b\x0c'), '') AS "account__domain",
                        "t2"."employees" AS "account__employees",
                        NULLIF(TRIM("t2"."industry", ' 	
\x0d\x0b\x0c'), '') AS "account__industry",
                        NULLIF(TRIM("t2"."country", ' 	
\x0d\x0b\x0c'), '') AS "account__country",
                        NULLIF(TRIM("t2"."tech_stack", ' 	
\x0d\x0b\x0c'), '') AS "account__tech_stack"
                      FROM "accounts" AS "t2"
                    ) AS "t4"
                  ) AS "t7"
                    ON "t10"."account_id" = "t7"."account__account_id"
                ) AS "t13"
              ) AS "t14"
            ) AS "t15"
          ) AS "t17"
          LEFT OUTER JOIN (
            SELECT
              "t8"."person_id" AS "_key",
              "t8"."m__demo_request",
              "t8"."last__demo_request",
              "t8"."m__contact_sales",
              "t8"."last__contact_sales",
              "t8"."m__pricing",
              "t8"."last__pricing",
              "t8"."m__webinar",
              "t8"."last__webinar",
              "t8"."m__content",
              "t8"."last__content",
              "t8"."m__email_clicks",
              "t8"."last__email_clicks",
              "t8"."m__email_opens",
              "t8"."last__email_opens",
              "t8"."m__blog",
              "t8"."last__blog",
              "t8"."m__unsubscribed",
              "t8"."last__unsubscribed",
              "t8"."m__high_intent_7d",
              "t8"."last__high_intent_7d",
              "t8"."last_activity"
            FROM (
              SELECT
                "t3"."person_id",
                COUNT(*) FILTER(WHERE
                  (
                    "t3"."event" = 'demo_requested'
                  ) AND TRUE) AS "m__demo_request",
                MAX("t3"."ts") FILTER(WHERE
                  (
                    "t3"."event" = 'demo_requested'
                  ) AND TRUE) AS "last__demo_request",
                COUNT(*) FILTER(WHERE
                  (
                    "t3"."event" = 'contact_sales_submitted'
                  ) AND TRUE) AS "m__contact_sales",
                MAX("t3"."ts") FILTER(WHERE
                  (
                    "t3"."event" = 'contact_sales_submitted'
                  ) AND TRUE) AS "last__contact_sales",
                COUNT(*) FILTER(WHERE
                  (
                    "t3"."event" = 'pricing_page_viewed'
                  ) AND TRUE) AS "m__pricing",
                MAX("t3"."ts") FILTER(WHERE
                  (
                    "t3"."event" = 'pricing_page_viewed'
                  ) AND TRUE) AS "last__pricing",
                COUNT(*) FILTER(WHERE
                  (
                    "t3"."event" = 'webinar_attended'
                  ) AND TRUE) AS "m__webinar",
                MAX("t3"."ts") FILTER(WHERE
                  (
                    "t3"."event" = 'webinar_attended'
                  ) AND TRUE) AS "last__webinar",
                COUNT(*) FILTER(WHERE
                  (
                    "t3"."event" = 'content_downloaded'
                  ) AND TRUE) AS "m__content",
                MAX("t3"."ts") FILTER(WHERE
                  (
                    "t3"."event" = 'content_downloaded'
                  ) AND TRUE) AS "last__content",
                COUNT(*) FILTER(WHERE
                  (
                    "t3"."event" = 'email_clicked'
                  ) AND TRUE) AS "m__email_clicks",
                MAX("t3"."ts") FILTER(WHERE
                  (
                    "t3"."event" = 'email_clicked'
                  ) AND TRUE) AS "last__email_clicks",
                COUNT(*) FILTER(WHERE
                  (
                    "t3"."event" = 'email_opened'
                  ) AND TRUE) AS "m__email_opens",
                MAX("t3"."ts") FILTER(WHERE
                  (
                    "t3"."event" = 'email_opened'
                  ) AND TRUE) AS "last__email_opens",
                COUNT(*) FILTER(WHERE
                  (
                    "t3"."event" = 'blog_visited'
                  ) AND TRUE) AS "m__blog",
                MAX("t3"."ts") FILTER(WHERE
                  (
                    "t3"."event" = 'blog_visited'
                  ) AND TRUE) AS "last__blog",
                COUNT(*) FILTER(WHERE
                  (
                    "t3"."event" = 'email_unsubscribed'
                  ) AND TRUE) AS "m__unsubscribed",
                MAX("t3"."ts") FILTER(WHERE
                  (
                    "t3"."event" = 'email_unsubscribed'
                  ) AND TRUE) AS "last__unsubscribed",
                COUNT(*) FILTER(WHERE
                  "t3"."event" IN ('demo_requested', 'pricing_page_viewed', 'contact_sales_submitted')
                  AND (
                    TRUE
                    AND (
                      "t3"."ts_s" > (
                        CAST(EPOCH(CAST(MAKE_TIMESTAMP(2026, 3, 1, 12, 0, 0.0) AS TIMESTAMP)) AS DOUBLE) - 604800.0
                      )
                    )
                  )) AS "m__high_intent_7d",
                MAX("t3"."ts") FILTER(WHERE
                  "t3"."event" IN ('demo_requested', 'pricing_page_viewed', 'contact_sales_submitted')
                  AND (
                    TRUE
                    AND (
                      "t3"."ts_s" > (
                        CAST(EPOCH(CAST(MAKE_TIMESTAMP(2026, 3, 1, 12, 0, 0.0) AS TIMESTAMP)) AS DOUBLE) - 604800.0
                      )
                    )
                  )) AS "last__high_intent_7d",
                MAX("t3"."ts") FILTER(WHERE
                  "t3"."event" IN (
                    'demo_requested',
                    'contact_sales_submitted',
                    'pricing_page_viewed',
                    'webinar_attended',
                    'content_downloaded',
                    'email_clicked',
                    'email_opened',
                    'blog_visited'
                  )) AS "last_activity"
              FROM (
                SELECT
                  "t0"."person_id",
                  "t0"."event",
                  "t0"."ts",
                  "t0"."event_id",
                  "t0"."progress",
                  "t0"."feature",
                  "t0"."integration_type",
                  "t0"."logged_in",
                  "t0"."duration_s",
                  "t0"."features_used",
                  CAST(EPOCH(CAST("t0"."ts" AS TIMESTAMP)) AS DOUBLE) AS "ts_s"
                FROM "events" AS "t0"
                WHERE
                  "t0"."person_id" IS NOT NULL
                  AND "t0"."event" IS NOT NULL
                  AND "t0"."ts" IS NOT NULL
                  AND "t0"."ts" <= MAKE_TIMESTAMP(2026, 3, 1, 12, 0, 0.0)
                  AND "t0"."event" IN (
                    'blog_visited',
                    'contact_sales_submitted',
                    'content_downloaded',
                    'demo_requested',
                    'email_clicked',
                    'email_opened',
                    'email_unsubscribed',
                    'pricing_page_viewed',
                    'webinar_attended'
                  )
              ) AS "t3"
              GROUP BY
                1
            ) AS "t8"
          ) AS "t12"
            ON "t17"."person_id" = "t12"."_key"
        ) AS "t18"
      ) AS "t19"
    ) AS "t20"
  ) AS "t21"
) AS "t22"
