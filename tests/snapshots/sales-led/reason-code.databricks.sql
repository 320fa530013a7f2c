SELECT
  `t0`.`person_id`,
  CASE
    WHEN `t0`.`fit__industry` > 0
    THEN CASE
      WHEN `t0`.`fit__industry` = CAST(10 AS DOUBLE)
      THEN 1
      WHEN `t0`.`fit__industry` = CAST(20 AS DOUBLE)
      THEN 2
      ELSE 3
    END
    ELSE 0
  END + CASE
    WHEN `t0`.`fit__company_size` > 0
    THEN CASE
      WHEN `t0`.`fit__company_size` = CAST(10 AS DOUBLE)
      THEN 4
      WHEN `t0`.`fit__company_size` = CAST(25 AS DOUBLE)
      THEN 8
      ELSE 12
    END
    ELSE 0
  END + CASE
    WHEN `t0`.`fit__seniority` > 0
    THEN CASE
      WHEN `t0`.`fit__seniority` = CAST(10 AS DOUBLE)
      THEN 16
      WHEN `t0`.`fit__seniority` = CAST(20 AS DOUBLE)
      THEN 32
      WHEN `t0`.`fit__seniority` = CAST(25 AS DOUBLE)
      THEN 48
      ELSE 64
    END
    ELSE 0
  END + CASE
    WHEN `t0`.`fit__geography` > 0
    THEN CASE
      WHEN `t0`.`fit__geography` = CAST(8 AS DOUBLE)
      THEN 128
      WHEN `t0`.`fit__geography` = CAST(15 AS DOUBLE)
      THEN 256
      ELSE 384
    END
    ELSE 0
  END + CASE
    WHEN `t0`.`fit__tech_stack` > 0
    THEN CASE WHEN `t0`.`fit__tech_stack` = CAST(15 AS DOUBLE) THEN 512 ELSE 1024 END
    ELSE 0
  END + CASE
    WHEN `t0`.`b__demo_request` > 0
    THEN CASE WHEN `t0`.`b__demo_request` = CAST(50 AS DOUBLE) THEN 2048 ELSE 4096 END
    ELSE 0
  END + CASE
    WHEN `t0`.`b__contact_sales` > 0
    THEN CASE WHEN `t0`.`b__contact_sales` = CAST(40 AS DOUBLE) THEN 8192 ELSE 16384 END
    ELSE 0
  END + CASE
    WHEN `t0`.`b__pricing` > 0
    THEN CASE WHEN `t0`.`b__pricing` = CAST(30 AS DOUBLE) THEN 32768 ELSE 65536 END
    ELSE 0
  END + CASE
    WHEN `t0`.`b__webinar` > 0
    THEN CASE WHEN `t0`.`b__webinar` = CAST(15 AS DOUBLE) THEN 131072 ELSE 262144 END
    ELSE 0
  END + CASE
    WHEN `t0`.`b__content` > 0
    THEN CASE
      WHEN `t0`.`b__content` = CAST(5 AS DOUBLE)
      THEN 524288
      WHEN `t0`.`b__content` = CAST(10 AS DOUBLE)
      THEN 1048576
      ELSE 1572864
    END
    ELSE 0
  END + CASE
    WHEN `t0`.`b__email_clicks` > 0
    THEN CASE
      WHEN `t0`.`b__email_clicks` = CAST(2 AS DOUBLE)
      THEN 2097152
      WHEN `t0`.`b__email_clicks` = CAST(4 AS DOUBLE)
      THEN 4194304
      WHEN `t0`.`b__email_clicks` = CAST(6 AS DOUBLE)
      THEN 6291456
      ELSE 8388608
    END
    ELSE 0
  END + CASE
    WHEN `t0`.`b__email_opens` > 0
    THEN CASE
      WHEN `t0`.`b__email_opens` = CAST(1 AS DOUBLE)
      THEN 16777216
      WHEN `t0`.`b__email_opens` = CAST(2 AS DOUBLE)
      THEN 33554432
      WHEN `t0`.`b__email_opens` = CAST(3 AS DOUBLE)
      THEN 50331648
      WHEN `t0`.`b__email_opens` = CAST(4 AS DOUBLE)
      THEN 67108864
      WHEN `t0`.`b__email_opens` = CAST(5 AS DOUBLE)
      THEN 83886080
      ELSE 100663296
    END
    ELSE 0
  END + CASE
    WHEN `t0`.`b__blog` > 0
    THEN CASE
      WHEN `t0`.`b__blog` = CAST(1 AS DOUBLE)
      THEN 134217728
      WHEN `t0`.`b__blog` = CAST(2 AS DOUBLE)
      THEN 268435456
      WHEN `t0`.`b__blog` = CAST(3 AS DOUBLE)
      THEN 402653184
      WHEN `t0`.`b__blog` = CAST(4 AS DOUBLE)
      THEN 536870912
      WHEN `t0`.`b__blog` = CAST(5 AS DOUBLE)
      THEN 671088640
      ELSE 805306368
    END
    ELSE 0
  END AS `reason_code`
FROM `scores` AS `t0`
