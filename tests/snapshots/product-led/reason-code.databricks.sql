SELECT
  `t0`.`person_id`,
  CASE
    WHEN `t0`.`fit__company_size` > 0
    THEN CASE
      WHEN `t0`.`fit__company_size` = CAST(8 AS DOUBLE)
      THEN 1
      WHEN `t0`.`fit__company_size` = CAST(15 AS DOUBLE)
      THEN 2
      ELSE 3
    END
    ELSE 0
  END + CASE
    WHEN `t0`.`fit__industry` > 0
    THEN CASE
      WHEN `t0`.`fit__industry` = CAST(5 AS DOUBLE)
      THEN 4
      WHEN `t0`.`fit__industry` = CAST(10 AS DOUBLE)
      THEN 8
      ELSE 12
    END
    ELSE 0
  END + CASE
    WHEN `t0`.`fit__seniority` > 0
    THEN CASE
      WHEN `t0`.`fit__seniority` = CAST(2 AS DOUBLE)
      THEN 16
      WHEN `t0`.`fit__seniority` = CAST(6 AS DOUBLE)
      THEN 32
      WHEN `t0`.`fit__seniority` = CAST(10 AS DOUBLE)
      THEN 48
      ELSE 64
    END
    ELSE 0
  END + CASE
    WHEN `t0`.`fit__tech_stack` > 0
    THEN CASE
      WHEN `t0`.`fit__tech_stack` = CAST(4 AS DOUBLE)
      THEN 128
      WHEN `t0`.`fit__tech_stack` = CAST(8 AS DOUBLE)
      THEN 256
      ELSE 384
    END
    ELSE 0
  END + CASE
    WHEN `t0`.`fit__geography` > 0
    THEN CASE
      WHEN `t0`.`fit__geography` = CAST(4 AS DOUBLE)
      THEN 512
      WHEN `t0`.`fit__geography` = CAST(7 AS DOUBLE)
      THEN 1024
      ELSE 1536
    END
    ELSE 0
  END + CASE
    WHEN `t0`.`b__onboarding` > 0
    THEN CASE
      WHEN `t0`.`b__onboarding` = CAST(8 AS DOUBLE)
      THEN 2048
      WHEN `t0`.`b__onboarding` = CAST(15 AS DOUBLE)
      THEN 4096
      ELSE 6144
    END
    ELSE 0
  END + CASE
    WHEN `t0`.`b__core_feature` > 0
    THEN CASE WHEN `t0`.`b__core_feature` = CAST(20 AS DOUBLE) THEN 8192 ELSE 16384 END
    ELSE 0
  END + CASE
    WHEN `t0`.`b__integration` > 0
    THEN CASE WHEN `t0`.`b__integration` = CAST(15 AS DOUBLE) THEN 32768 ELSE 65536 END
    ELSE 0
  END + CASE
    WHEN `t0`.`b__invites` > 0
    THEN CASE
      WHEN `t0`.`b__invites` = CAST(10 AS DOUBLE)
      THEN 131072
      WHEN `t0`.`b__invites` = CAST(15 AS DOUBLE)
      THEN 262144
      ELSE 393216
    END
    ELSE 0
  END + CASE
    WHEN `t0`.`b__pricing_logged_in` > 0
    THEN CASE
      WHEN `t0`.`b__pricing_logged_in` = CAST(10 AS DOUBLE)
      THEN 524288
      ELSE 1048576
    END
    ELSE 0
  END + CASE
    WHEN `t0`.`b__pricing_anonymous` > 0
    THEN CASE
      WHEN `t0`.`b__pricing_anonymous` = CAST(3 AS DOUBLE)
      THEN 2097152
      ELSE 4194304
    END
    ELSE 0
  END + CASE
    WHEN `t0`.`b__checkout` > 0
    THEN CASE WHEN `t0`.`b__checkout` = CAST(15 AS DOUBLE) THEN 8388608 ELSE 16777216 END
    ELSE 0
  END + CASE
    WHEN `t0`.`b__premium_feature` > 0
    THEN CASE
      WHEN `t0`.`b__premium_feature` = CAST(8 AS DOUBLE)
      THEN 33554432
      ELSE 67108864
    END
    ELSE 0
  END + CASE
    WHEN `t0`.`b__export` > 0
    THEN CASE WHEN `t0`.`b__export` = CAST(5 AS DOUBLE) THEN 134217728 ELSE 268435456 END
    ELSE 0
  END + CASE
    WHEN `t0`.`b__logins_week_one` > 0
    THEN CASE
      WHEN `t0`.`b__logins_week_one` = CAST(2 AS DOUBLE)
      THEN 536870912
      WHEN `t0`.`b__logins_week_one` = CAST(5 AS DOUBLE)
      THEN 1073741824
      WHEN `t0`.`b__logins_week_one` = CAST(10 AS DOUBLE)
      THEN 1610612736
      ELSE 2147483648
    END
    ELSE 0
  END + CASE
    WHEN `t0`.`b__session_depth` > 0
    THEN CASE
      WHEN `t0`.`b__session_depth` = CAST(5 AS DOUBLE)
      THEN 4294967296
      ELSE 8589934592
    END
    ELSE 0
  END + CASE
    WHEN `t0`.`v__burst` > 0
    THEN CASE WHEN `t0`.`v__burst` = CAST(25 AS DOUBLE) THEN 17179869184 ELSE 34359738368 END
    ELSE 0
  END AS `reason_code`
FROM `scores` AS `t0`
