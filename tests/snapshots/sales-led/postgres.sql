SELECT
  "t21"."person_id",
  "t21"."account_id",
  "t21"."fit",
  "t21"."behavior",
  "t21"."total",
  CASE
    WHEN TRUE
    AND COALESCE("t21"."total" >= 75.0, FALSE)
    AND COALESCE(COALESCE(CAST("t21"."m__high_intent_7d" AS DOUBLE PRECISION), 0.0) >= 1.0, FALSE)
    THEN 'SQL'
    WHEN TRUE
    AND COALESCE("t21"."fit" >= 50.0, FALSE)
    AND COALESCE("t21"."behavior" >= 25.0, FALSE)
    THEN 'MQL'
    ELSE CAST(NULL AS VARCHAR)
  END AS "status",
  CASE
    WHEN "t21"."fit" >= 70.0
    THEN 'strong'
    WHEN "t21"."fit" >= 40.0
    THEN 'moderate'
    ELSE 'weak'
  END AS "fit_tier",
  CASE
    WHEN "t21"."behavior" >= 76.0
    THEN 'hot'
    WHEN "t21"."behavior" >= 51.0
    THEN 'warm'
    WHEN "t21"."behavior" >= 26.0
    THEN 'developing'
    ELSE 'cold'
  END AS "intent_tier",
  CASE
    WHEN CASE WHEN "t21"."fit" >= 70.0 THEN 0 WHEN "t21"."fit" >= 40.0 THEN 1 ELSE 2 END = 0
    THEN 'A'
    WHEN CASE WHEN "t21"."fit" >= 70.0 THEN 0 WHEN "t21"."fit" >= 40.0 THEN 1 ELSE 2 END = 1
    THEN 'B'
    WHEN CASE WHEN "t21"."fit" >= 70.0 THEN 0 WHEN "t21"."fit" >= 40.0 THEN 1 ELSE 2 END = 2
    THEN 'C'
    ELSE CAST(NULL AS VARCHAR)
  END || CAST(CASE
    WHEN "t21"."behavior" >= 76.0
    THEN 0
    WHEN "t21"."behavior" >= 51.0
    THEN 1
    WHEN "t21"."behavior" >= 26.0
    THEN 2
    ELSE 3
  END + 1 AS VARCHAR) AS "matrix",
  CAST('2026-03-01T12:00:00' AS TIMESTAMP) AS "score_date",
  '10bad467bf9c7a18' AS "logic_hash",
  "t21"."created_at",
  "t21"."email_domain",
  "t21"."email",
  "t21"."title",
  "t21"."plan",
  "t21"."country",
  "t21"."account__name",
  "t21"."account__domain",
  "t21"."account__employees",
  "t21"."account__industry",
  "t21"."account__country",
  "t21"."account__tech_stack",
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
  "t21"."inactive_days",
  "t21"."decay_periods",
  "t21"."behavior_decayed",
  COALESCE("t21"."total" >= 75.0, FALSE) AS "cond__0__0",
  COALESCE(COALESCE(CAST("t21"."m__high_intent_7d" AS DOUBLE PRECISION), 0.0) >= 1.0, FALSE) AS "cond__0__1",
  TRUE
  AND COALESCE("t21"."total" >= 75.0, FALSE)
  AND COALESCE(COALESCE(CAST("t21"."m__high_intent_7d" AS DOUBLE PRECISION), 0.0) >= 1.0, FALSE) AS "is__0",
  COALESCE("t21"."fit" >= 50.0, FALSE) AS "cond__1__0",
  COALESCE("t21"."behavior" >= 25.0, FALSE) AS "cond__1__1",
  TRUE
  AND COALESCE("t21"."fit" >= 50.0, FALSE)
  AND COALESCE("t21"."behavior" >= 25.0, FALSE) AS "is__1"
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
    "t20"."behavior_rules",
    "t20"."behavior_capped",
    "t20"."behavior_raw",
    CAST(GREATEST(
      CAST(EXTRACT('epoch' FROM CAST('2026-03-01T12:00:00' AS TIMESTAMP)) AS DOUBLE PRECISION) - GREATEST(
        COALESCE(
          CAST(EXTRACT('epoch' FROM "t20"."last_activity") AS DOUBLE PRECISION),
          CAST(EXTRACT('epoch' FROM "t20"."created_at") AS DOUBLE PRECISION)
        ),
        COALESCE(
          CAST(EXTRACT('epoch' FROM "t20"."created_at") AS DOUBLE PRECISION),
          CAST(EXTRACT('epoch' FROM "t20"."last_activity") AS DOUBLE PRECISION)
        )
      ),
      0.0
    ) AS DOUBLE PRECISION) / 86400.0 AS "inactive_days",
    COALESCE(
      CAST(CAST(FLOOR(
        CAST(GREATEST(
          CAST(EXTRACT('epoch' FROM CAST('2026-03-01T12:00:00' AS TIMESTAMP)) AS DOUBLE PRECISION) - GREATEST(
            COALESCE(
              CAST(EXTRACT('epoch' FROM "t20"."last_activity") AS DOUBLE PRECISION),
              CAST(EXTRACT('epoch' FROM "t20"."created_at") AS DOUBLE PRECISION)
            ),
            COALESCE(
              CAST(EXTRACT('epoch' FROM "t20"."created_at") AS DOUBLE PRECISION),
              CAST(EXTRACT('epoch' FROM "t20"."last_activity") AS DOUBLE PRECISION)
            )
          ),
          0.0
        ) AS DOUBLE PRECISION) / 2592000.0
      ) AS BIGINT) AS DOUBLE PRECISION),
      0.0
    ) AS "decay_periods",
    COALESCE(
      CASE
        WHEN "t20"."behavior_raw" > 0.0
        THEN GREATEST(
          "t20"."behavior_raw" * (
            POW(
              0.75,
              CAST(CAST(FLOOR(
                CAST(GREATEST(
                  CAST(EXTRACT('epoch' FROM CAST('2026-03-01T12:00:00' AS TIMESTAMP)) AS DOUBLE PRECISION) - GREATEST(
                    COALESCE(
                      CAST(EXTRACT('epoch' FROM "t20"."last_activity") AS DOUBLE PRECISION),
                      CAST(EXTRACT('epoch' FROM "t20"."created_at") AS DOUBLE PRECISION)
                    ),
                    COALESCE(
                      CAST(EXTRACT('epoch' FROM "t20"."created_at") AS DOUBLE PRECISION),
                      CAST(EXTRACT('epoch' FROM "t20"."last_activity") AS DOUBLE PRECISION)
                    )
                  ),
                  0.0
                ) AS DOUBLE PRECISION) / 2592000.0
              ) AS BIGINT) AS DOUBLE PRECISION)
            )
          ),
          0.0
        )
        ELSE "t20"."behavior_raw"
      END,
      "t20"."behavior_raw"
    ) AS "behavior_decayed",
    GREATEST(
      COALESCE(
        CASE
          WHEN "t20"."behavior_raw" > 0.0
          THEN GREATEST(
            "t20"."behavior_raw" * (
              POW(
                0.75,
                CAST(CAST(FLOOR(
                  CAST(GREATEST(
                    CAST(EXTRACT('epoch' FROM CAST('2026-03-01T12:00:00' AS TIMESTAMP)) AS DOUBLE PRECISION) - GREATEST(
                      COALESCE(
                        CAST(EXTRACT('epoch' FROM "t20"."last_activity") AS DOUBLE PRECISION),
                        CAST(EXTRACT('epoch' FROM "t20"."created_at") AS DOUBLE PRECISION)
                      ),
                      COALESCE(
                        CAST(EXTRACT('epoch' FROM "t20"."created_at") AS DOUBLE PRECISION),
                        CAST(EXTRACT('epoch' FROM "t20"."last_activity") AS DOUBLE PRECISION)
                      )
                    ),
                    0.0
                  ) AS DOUBLE PRECISION) / 2592000.0
                ) AS BIGINT) AS DOUBLE PRECISION)
              )
            ),
            0.0
          )
          ELSE "t20"."behavior_raw"
        END,
        "t20"."behavior_raw"
      ),
      0.0
    ) AS "behavior",
    (
      "t20"."fit" * 1
    ) + (
      GREATEST(
        COALESCE(
          CASE
            WHEN "t20"."behavior_raw" > 0.0
            THEN GREATEST(
              "t20"."behavior_raw" * (
                POW(
                  0.75,
                  CAST(CAST(FLOOR(
                    CAST(GREATEST(
                      CAST(EXTRACT('epoch' FROM CAST('2026-03-01T12:00:00' AS TIMESTAMP)) AS DOUBLE PRECISION) - GREATEST(
                        COALESCE(
                          CAST(EXTRACT('epoch' FROM "t20"."last_activity") AS DOUBLE PRECISION),
                          CAST(EXTRACT('epoch' FROM "t20"."created_at") AS DOUBLE PRECISION)
                        ),
                        COALESCE(
                          CAST(EXTRACT('epoch' FROM "t20"."created_at") AS DOUBLE PRECISION),
                          CAST(EXTRACT('epoch' FROM "t20"."last_activity") AS DOUBLE PRECISION)
                        )
                      ),
                      0.0
                    ) AS DOUBLE PRECISION) / 2592000.0
                  ) AS BIGINT) AS DOUBLE PRECISION)
                )
              ),
              0.0
            )
            ELSE "t20"."behavior_raw"
          END,
          "t20"."behavior_raw"
        ),
        0.0
      ) * 1
    ) AS "total"
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
      "t19"."pts__demo_request",
      "t19"."pts__contact_sales",
      "t19"."pts__pricing",
      "t19"."pts__webinar",
      "t19"."pts__content",
      "t19"."pts__email_clicks",
      "t19"."pts__email_opens",
      "t19"."pts__blog",
      "t19"."pts__unsubscribed",
      "t19"."pts__demo_request" AS "grp__demo_request",
      "t19"."pts__contact_sales" AS "grp__contact_sales",
      "t19"."pts__pricing" AS "grp__pricing",
      "t19"."pts__webinar" AS "grp__webinar",
      "t19"."pts__content" AS "grp__content",
      "t19"."pts__email_clicks" AS "grp__email_clicks",
      "t19"."pts__email_opens" AS "grp__email_opens",
      "t19"."pts__blog" AS "grp__blog",
      "t19"."pts__unsubscribed" AS "grp__unsubscribed",
      "t19"."pts__demo_request" AS "b__demo_request",
      "t19"."pts__contact_sales" AS "b__contact_sales",
      "t19"."pts__pricing" AS "b__pricing",
      "t19"."pts__webinar" AS "b__webinar",
      "t19"."pts__content" AS "b__content",
      "t19"."pts__email_clicks" AS "b__email_clicks",
      "t19"."pts__email_opens" AS "b__email_opens",
      "t19"."pts__blog" AS "b__blog",
      "t19"."pts__unsubscribed" AS "b__unsubscribed",
      CAST(0 AS DOUBLE PRECISION) + "t19"."pts__demo_request" + "t19"."pts__contact_sales" + "t19"."pts__pricing" + "t19"."pts__webinar" + "t19"."pts__content" + "t19"."pts__email_clicks" + "t19"."pts__email_opens" + "t19"."pts__blog" + "t19"."pts__unsubscribed" AS "behavior_rules",
      LEAST(
        CAST(0 AS DOUBLE PRECISION) + "t19"."pts__demo_request" + "t19"."pts__contact_sales" + "t19"."pts__pricing" + "t19"."pts__webinar" + "t19"."pts__content" + "t19"."pts__email_clicks" + "t19"."pts__email_opens" + "t19"."pts__blog" + "t19"."pts__unsubscribed",
        100.0
      ) AS "behavior_capped",
      LEAST(
        CAST(0 AS DOUBLE PRECISION) + "t19"."pts__demo_request" + "t19"."pts__contact_sales" + "t19"."pts__pricing" + "t19"."pts__webinar" + "t19"."pts__content" + "t19"."pts__email_clicks" + "t19"."pts__email_opens" + "t19"."pts__blog" + "t19"."pts__unsubscribed",
        100.0
      ) + CAST(0 AS DOUBLE PRECISION) AS "behavior_raw"
    FROM (
      SELECT
        "t18"."person_id",
        "t18"."account_id",
        "t18"."created_at",
        "t18"."email_domain",
        "t18"."email",
        "t18"."title",
        "t18"."plan",
        "t18"."country",
        "t18"."fin__1",
        "t18"."account__name",
        "t18"."account__domain",
        "t18"."account__employees",
        "t18"."account__industry",
        "t18"."account__country",
        "t18"."account__tech_stack",
        "t18"."fin__0",
        "t18"."fin__2",
        "t18"."fin__3",
        "t18"."fit__industry",
        "t18"."fit__company_size",
        "t18"."fit__seniority",
        "t18"."fit__geography",
        "t18"."fit__tech_stack",
        "t18"."fit__competitor",
        "t18"."fit__student",
        "t18"."fit__student_domain",
        "t18"."fit__personal_email",
        "t18"."fitcase__industry",
        "t18"."fv__industry",
        "t18"."fitcase__company_size",
        "t18"."fv__company_size",
        "t18"."fitcase__seniority",
        "t18"."fv__seniority",
        "t18"."fitcase__geography",
        "t18"."fv__geography",
        "t18"."fitcase__tech_stack",
        "t18"."fv__tech_stack",
        "t18"."fitcase__competitor",
        "t18"."fv__competitor",
        "t18"."fitcase__student",
        "t18"."fv__student",
        "t18"."fitcase__student_domain",
        "t18"."fv__student_domain",
        "t18"."fitcase__personal_email",
        "t18"."fv__personal_email",
        "t18"."fit_rules",
        "t18"."fit",
        "t18"."m__demo_request",
        "t18"."last__demo_request",
        "t18"."m__contact_sales",
        "t18"."last__contact_sales",
        "t18"."m__pricing",
        "t18"."last__pricing",
        "t18"."m__webinar",
        "t18"."last__webinar",
        "t18"."m__content",
        "t18"."last__content",
        "t18"."m__email_clicks",
        "t18"."last__email_clicks",
        "t18"."m__email_opens",
        "t18"."last__email_opens",
        "t18"."m__blog",
        "t18"."last__blog",
        "t18"."m__unsubscribed",
        "t18"."last__unsubscribed",
        "t18"."m__high_intent_7d",
        "t18"."last__high_intent_7d",
        "t18"."last_activity",
        CASE
          WHEN COALESCE(CAST("t18"."m__demo_request" AS DOUBLE PRECISION), 0.0) >= 1.0
          THEN CAST(50 AS DOUBLE PRECISION)
          ELSE CAST(0 AS DOUBLE PRECISION)
        END AS "pts__demo_request",
        CASE
          WHEN COALESCE(CAST("t18"."m__contact_sales" AS DOUBLE PRECISION), 0.0) >= 1.0
          THEN CAST(40 AS DOUBLE PRECISION)
          ELSE CAST(0 AS DOUBLE PRECISION)
        END AS "pts__contact_sales",
        CASE
          WHEN COALESCE(CAST("t18"."m__pricing" AS DOUBLE PRECISION), 0.0) >= 1.0
          THEN CAST(30 AS DOUBLE PRECISION)
          ELSE CAST(0 AS DOUBLE PRECISION)
        END AS "pts__pricing",
        CASE
          WHEN COALESCE(CAST("t18"."m__webinar" AS DOUBLE PRECISION), 0.0) >= 1.0
          THEN CAST(15 AS DOUBLE PRECISION)
          ELSE CAST(0 AS DOUBLE PRECISION)
        END AS "pts__webinar",
        LEAST(
          COALESCE(CAST("t18"."m__content" AS DOUBLE PRECISION), 0.0) * CAST(5 AS DOUBLE PRECISION),
          CAST(10 AS DOUBLE PRECISION)
        ) AS "pts__content",
        LEAST(
          COALESCE(CAST("t18"."m__email_clicks" AS DOUBLE PRECISION), 0.0) * CAST(2 AS DOUBLE PRECISION),
          CAST(6 AS DOUBLE PRECISION)
        ) AS "pts__email_clicks",
        LEAST(
          COALESCE(CAST("t18"."m__email_opens" AS DOUBLE PRECISION), 0.0) * CAST(1 AS DOUBLE PRECISION),
          CAST(5 AS DOUBLE PRECISION)
        ) AS "pts__email_opens",
        LEAST(
          COALESCE(CAST("t18"."m__blog" AS DOUBLE PRECISION), 0.0) * CAST(1 AS DOUBLE PRECISION),
          CAST(5 AS DOUBLE PRECISION)
        ) AS "pts__blog",
        CASE
          WHEN COALESCE(CAST("t18"."m__unsubscribed" AS DOUBLE PRECISION), 0.0) >= 1.0
          THEN CAST(-10 AS DOUBLE PRECISION)
          ELSE CAST(0 AS DOUBLE PRECISION)
        END AS "pts__unsubscribed"
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
          "t17"."m__demo_request",
          "t17"."last__demo_request",
          "t17"."m__contact_sales",
          "t17"."last__contact_sales",
          "t17"."m__pricing",
          "t17"."last__pricing",
          "t17"."m__webinar",
          "t17"."last__webinar",
          "t17"."m__content",
          "t17"."last__content",
          "t17"."m__email_clicks",
          "t17"."last__email_clicks",
          "t17"."m__email_opens",
          "t17"."last__email_opens",
          "t17"."m__blog",
          "t17"."last__blog",
          "t17"."m__unsubscribed",
          "t17"."last__unsubscribed",
          "t17"."m__high_intent_7d",
          "t17"."last__high_intent_7d",
          "t17"."last_activity"
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
            "t16"."fit__industry",
            "t16"."fit__company_size",
            "t16"."fit__seniority",
            "t16"."fit__geography",
            "t16"."fit__tech_stack",
            "t16"."fit__competitor",
            "t16"."fit__student",
            "t16"."fit__student_domain",
            "t16"."fit__personal_email",
            "t16"."fitcase__industry",
            "t16"."fv__industry",
            "t16"."fitcase__company_size",
            "t16"."fv__company_size",
            "t16"."fitcase__seniority",
            "t16"."fv__seniority",
            "t16"."fitcase__geography",
            "t16"."fv__geography",
            "t16"."fitcase__tech_stack",
            "t16"."fv__tech_stack",
            "t16"."fitcase__competitor",
            "t16"."fv__competitor",
            "t16"."fitcase__student",
            "t16"."fv__student",
            "t16"."fitcase__student_domain",
            "t16"."fv__student_domain",
            "t16"."fitcase__personal_email",
            "t16"."fv__personal_email",
            "t16"."fit_rules",
            "t16"."fit",
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
              "t14"."fit__industry",
              "t14"."fit__company_size",
              "t14"."fit__seniority",
              "t14"."fit__geography",
              "t14"."fit__tech_stack",
              "t14"."fit__competitor",
              "t14"."fit__student",
              "t14"."fit__student_domain",
              "t14"."fit__personal_email",
              "t14"."fitcase__industry",
              "t14"."fv__industry",
              "t14"."fitcase__company_size",
              "t14"."fv__company_size",
              "t14"."fitcase__seniority",
              "t14"."fv__seniority",
              "t14"."fitcase__geography",
              "t14"."fv__geography",
              "t14"."fitcase__tech_stack",
              "t14"."fv__tech_stack",
              "t14"."fitcase__competitor",
              "t14"."fv__competitor",
              "t14"."fitcase__student",
              "t14"."fv__student",
              "t14"."fitcase__student_domain",
              "t14"."fv__student_domain",
              "t14"."fitcase__personal_email",
              "t14"."fv__personal_email",
              CAST(0 AS DOUBLE PRECISION) + "t14"."fit__industry" + "t14"."fit__company_size" + "t14"."fit__seniority" + "t14"."fit__geography" + "t14"."fit__tech_stack" + "t14"."fit__competitor" + "t14"."fit__student" + "t14"."fit__student_domain" + "t14"."fit__personal_email" AS "fit_rules",
              GREATEST(
                LEAST(
                  CAST(0 AS DOUBLE PRECISION) + "t14"."fit__industry" + "t14"."fit__company_size" + "t14"."fit__seniority" + "t14"."fit__geography" + "t14"."fit__tech_stack" + "t14"."fit__competitor" + "t14"."fit__student" + "t14"."fit__student_domain" + "t14"."fit__personal_email",
                  100.0
                ),
                0.0
              ) AS "fit"
            FROM (
              SELECT
                "t13"."person_id",
                "t13"."account_id",
                "t13"."created_at",
                "t13"."email_domain",
                "t13"."email",
                "t13"."title",
                "t13"."plan",
                "t13"."country",
                "t13"."fin__1",
                "t13"."account__name",
                "t13"."account__domain",
                "t13"."account__employees",
                "t13"."account__industry",
                "t13"."account__country",
                "t13"."account__tech_stack",
                "t13"."fin__0",
                "t13"."fin__2",
                "t13"."fin__3",
                CASE
                  WHEN "t13"."fin__0" = 'saas'
                  THEN CAST(20 AS DOUBLE PRECISION)
                  WHEN "t13"."fin__0" IN ('software', 'technology')
                  THEN CAST(10 AS DOUBLE PRECISION)
                  ELSE CAST(0 AS DOUBLE PRECISION)
                END AS "fit__industry",
                CASE
                  WHEN CAST("t13"."account__employees" AS DOUBLE PRECISION) BETWEEN 50.0 AND 500.0
                  THEN CAST(25 AS DOUBLE PRECISION)
                  WHEN CAST("t13"."account__employees" AS DOUBLE PRECISION) BETWEEN 20.0 AND 49.0
                  THEN CAST(10 AS DOUBLE PRECISION)
                  WHEN CAST("t13"."account__employees" AS DOUBLE PRECISION) BETWEEN 501.0 AND 2000.0
                  THEN CAST(10 AS DOUBLE PRECISION)
                  ELSE CAST(0 AS DOUBLE PRECISION)
                END AS "fit__company_size",
                CASE
                  WHEN "t13"."fin__1" ~ '\y(vp|vice president|chief|c[etmorf]o|founder|president)\y'
                  THEN CAST(25 AS DOUBLE PRECISION)
                  WHEN "t13"."fin__1" ~ '\y(director|head of)\y'
                  THEN CAST(20 AS DOUBLE PRECISION)
                  WHEN "t13"."fin__1" ~ '\ymanager\y'
                  THEN CAST(10 AS DOUBLE PRECISION)
                  ELSE CAST(0 AS DOUBLE PRECISION)
                END AS "fit__seniority",
                CASE
                  WHEN "t13"."fin__2" IN ('us', 'ca')
                  THEN CAST(15 AS DOUBLE PRECISION)
                  WHEN "t13"."fin__2" IN ('gb', 'ie', 'de', 'fr', 'nl', 'se', 'dk')
                  THEN CAST(8 AS DOUBLE PRECISION)
                  ELSE CAST(0 AS DOUBLE PRECISION)
                END AS "fit__geography",
                CASE
                  WHEN FALSE
                  OR (
                    POSITION('salesforce' IN "t13"."fin__3") > 0
                  )
                  OR (
                    POSITION('hubspot' IN "t13"."fin__3") > 0
                  )
                  THEN CAST(15 AS DOUBLE PRECISION)
                  ELSE CAST(0 AS DOUBLE PRECISION)
                END AS "fit__tech_stack",
                CASE
                  WHEN "t13"."email_domain" IN ('rivalscore.io', 'leadrival.com', 'scorehub.com')
                  THEN CAST(-100 AS DOUBLE PRECISION)
                  ELSE CAST(0 AS DOUBLE PRECISION)
                END AS "fit__competitor",
                CASE
                  WHEN FALSE OR (
                    POSITION('student' IN "t13"."fin__1") > 0
                  )
                  THEN CAST(-50 AS DOUBLE PRECISION)
                  ELSE CAST(0 AS DOUBLE PRECISION)
                END AS "fit__student",
                CASE
                  WHEN "t13"."email_domain" ~ '\.edu$|\.ac\.[a-z]{2}$'
                  THEN CAST(-50 AS DOUBLE PRECISION)
                  ELSE CAST(0 AS DOUBLE PRECISION)
                END AS "fit__student_domain",
                CASE
                  WHEN "t13"."email_domain" IN (
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
                  THEN CAST(-20 AS DOUBLE PRECISION)
                  ELSE CAST(0 AS DOUBLE PRECISION)
                END AS "fit__personal_email",
                CASE
                  WHEN "t13"."fin__0" = 'saas'
                  THEN 0
                  WHEN "t13"."fin__0" IN ('software', 'technology')
                  THEN 1
                  ELSE -1
                END AS "fitcase__industry",
                "t13"."account__industry" AS "fv__industry",
                CASE
                  WHEN CAST("t13"."account__employees" AS DOUBLE PRECISION) BETWEEN 50.0 AND 500.0
                  THEN 0
                  WHEN CAST("t13"."account__employees" AS DOUBLE PRECISION) BETWEEN 20.0 AND 49.0
                  THEN 1
                  WHEN CAST("t13"."account__employees" AS DOUBLE PRECISION) BETWEEN 501.0 AND 2000.0
                  THEN 2
                  ELSE -1
                END AS "fitcase__company_size",
                CAST("t13"."account__employees" AS VARCHAR) AS "fv__company_size",
                CASE
                  WHEN "t13"."fin__1" ~ '\y(vp|vice president|chief|c[etmorf]o|founder|president)\y'
                  THEN 0
                  WHEN "t13"."fin__1" ~ '\y(director|head of)\y'
                  THEN 1
                  WHEN "t13"."fin__1" ~ '\ymanager\y'
                  THEN 2
                  ELSE -1
                END AS "fitcase__seniority",
                "t13"."title" AS "fv__seniority",
                CASE
                  WHEN "t13"."fin__2" IN ('us', 'ca')
                  THEN 0
                  WHEN "t13"."fin__2" IN ('gb', 'ie', 'de', 'fr', 'nl', 'se', 'dk')
                  THEN 1
                  ELSE -1
                END AS "fitcase__geography",
                "t13"."account__country" AS "fv__geography",
                CASE
                  WHEN FALSE
                  OR (
                    POSITION('salesforce' IN "t13"."fin__3") > 0
                  )
                  OR (
                    POSITION('hubspot' IN "t13"."fin__3") > 0
                  )
                  THEN 0
                  ELSE -1
                END AS "fitcase__tech_stack",
                "t13"."account__tech_stack" AS "fv__tech_stack",
                CASE
                  WHEN "t13"."email_domain" IN ('rivalscore.io', 'leadrival.com', 'scorehub.com')
                  THEN 0
                  ELSE -1
                END AS "fitcase__competitor",
                "t13"."email_domain" AS "fv__competitor",
                CASE
                  WHEN FALSE OR (
                    POSITION('student' IN "t13"."fin__1") > 0
                  )
                  THEN 0
                  ELSE -1
                END AS "fitcase__student",
                "t13"."title" AS "fv__student",
                CASE WHEN "t13"."email_domain" ~ '\.edu$|\.ac\.[a-z]{2}$' THEN 0 ELSE -1 END AS "fitcase__student_domain",
                "t13"."email_domain" AS "fv__student_domain",
                CASE
                  WHEN "t13"."email_domain" IN (
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
                "t13"."email_domain" AS "fv__personal_email"
              FROM (
                SELECT
                  "t11"."person_id",
                  "t11"."account_id",
                  "t11"."created_at",
                  "t11"."email_domain",
                  "t11"."email",
                  "t11"."title",
                  "t11"."plan",
                  "t11"."country",
                  "t11"."fin__1",
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
                    "t6"."person_id",
                    "t6"."account_id",
                    "t6"."created_at",
                    "t6"."email_domain",
                    "t6"."email",
                    "t6"."title",
                    "t6"."plan",
                    "t6"."country",
                    "t6"."fin__1",
                    "t8"."account__account_id",
                    "t8"."account__name",
                    "t8"."account__domain",
                    "t8"."account__employees",
                    "t8"."account__industry",
                    "t8"."account__country",
                    "t8"."account__tech_stack",
                    "t8"."fin__0",
                    "t8"."fin__2",
                    "t8"."fin__3"
                  FROM (
                    SELECT
                      "t1"."person_id",
                      NULLIF(TRIM(' 	
\x0d\x0b\x0c' FROM "t1"."account_id"), '') AS "account_id",
                      "t1"."created_at",
                      NULLIF(
                        LOWER(
                          CASE
                            WHEN "t1"."email" ~ (
                              '(' || '@([^@\s\v]+)[\s\v]*$' || ')'
                            )
                            THEN (
                              REGEXP_MATCH("t1"."email", '(' || '@([^@\s\v]+)[\s\v]*$' || ')')
                            )[2]
                            ELSE NULL
                          END
                        ),
                        ''
                      ) AS "email_domain",
                      NULLIF(TRIM(' 	
\x0d\x0b\x0c' FROM "t1"."email"), '') AS "email",
                      NULLIF(TRIM(' 	
\x0d\x0b\x0c' FROM "t1"."title"), '') AS "title",
                      NULLIF(TRIM(' 	
\x0d\x0b\x0c' FROM "t1"."plan"), '') AS "plan",
                      NULLIF(TRIM(' 	
\x0d\x0b\x0c' FROM "t1"."country"), '') AS "country",
                      LOWER(NULLIF(TRIM(' 	
\x0d\x0b\x0c' FROM "t1"."title"), '')) AS "fin__1"
                    FROM "people" AS "t1"
                    WHERE
                      "t1"."person_id" IS NOT NULL
                      AND (
                        (
                          "t1"."created_at" IS NULL
                        )
                        OR (
                          "t1"."created_at" <= CAST('2026-03-01T12:00:00' AS TIMESTAMP)
                        )
                      )
                  ) AS "t6"
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
                      LOWER("t4"."account__country") AS "fin__2",
                      LOWER("t4"."account__tech_stack") AS "fin__3"
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
                    ) AS "t4"
                  ) AS "t8"
                    ON "t6"."account_id" = "t8"."account__account_id"
                ) AS "t11"
              ) AS "t13"
            ) AS "t14"
          ) AS "t16"
          LEFT OUTER JOIN (
            SELECT
              "t9"."person_id" AS "_key",
              "t9"."m__demo_request",
              "t9"."last__demo_request",
              "t9"."m__contact_sales",
              "t9"."last__contact_sales",
              "t9"."m__pricing",
              "t9"."last__pricing",
              "t9"."m__webinar",
              "t9"."last__webinar",
              "t9"."m__content",
              "t9"."last__content",
              "t9"."m__email_clicks",
              "t9"."last__email_clicks",
              "t9"."m__email_opens",
              "t9"."last__email_opens",
              "t9"."m__blog",
              "t9"."last__blog",
              "t9"."m__unsubscribed",
              "t9"."last__unsubscribed",
              "t9"."m__high_intent_7d",
              "t9"."last__high_intent_7d",
              "t9"."last_activity"
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
                        CAST(EXTRACT('epoch' FROM CAST('2026-03-01T12:00:00' AS TIMESTAMP)) AS DOUBLE PRECISION) - 604800.0
                      )
                    )
                  )) AS "m__high_intent_7d",
                MAX("t3"."ts") FILTER(WHERE
                  "t3"."event" IN ('demo_requested', 'pricing_page_viewed', 'contact_sales_submitted')
                  AND (
                    TRUE
                    AND (
                      "t3"."ts_s" > (
                        CAST(EXTRACT('epoch' FROM CAST('2026-03-01T12:00:00' AS TIMESTAMP)) AS DOUBLE PRECISION) - 604800.0
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
                  CAST(EXTRACT('epoch' FROM "t0"."ts") AS DOUBLE PRECISION) AS "ts_s"
                FROM "events" AS "t0"
                WHERE
                  "t0"."person_id" IS NOT NULL
                  AND "t0"."event" IS NOT NULL
                  AND "t0"."ts" IS NOT NULL
                  AND "t0"."ts" <= CAST('2026-03-01T12:00:00' AS TIMESTAMP)
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
            ) AS "t9"
          ) AS "t12"
            ON "t16"."person_id" = "t12"."_key"
        ) AS "t17"
      ) AS "t18"
    ) AS "t19"
  ) AS "t20"
) AS "t21"
