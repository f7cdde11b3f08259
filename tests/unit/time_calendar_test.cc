// Calendar arithmetic of the time stage and the value rule of `casus eval time`.
#include <gtest/gtest.h>

#include "eval/time_eval.h"
#include "time/calendar.h"

namespace casus {
namespace {

using time::Ymd;

TEST(TimeCalendar, DaysRoundTrip) {
  EXPECT_EQ(time::days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(time::days_from_civil(2000, 3, 1), 11017);
  for (int64_t d = -800000; d <= 800000; d += 997) {
    const Ymd y = time::civil_from_days(d);
    EXPECT_EQ(time::days_from_civil(y), d);
  }
}

TEST(TimeCalendar, WeekdaysAndIsoWeeks) {
  EXPECT_EQ(time::iso_weekday(time::days_from_civil(2023, 5, 3)), 3);  // Wednesday
  EXPECT_EQ(time::iso_weekday(time::days_from_civil(2001, 9, 11)), 2);
  EXPECT_EQ(time::format_week_of(time::days_from_civil(2023, 5, 3)), "2023-W18");
  EXPECT_EQ(time::format_week_of(time::days_from_civil(2021, 1, 3)), "2020-W53");
  EXPECT_EQ(time::format_week_of(time::days_from_civil(2019, 12, 30)), "2020-W01");
  EXPECT_EQ(time::iso_week_monday(2023, 18), time::days_from_civil(2023, 5, 1));
}

TEST(TimeCalendar, MonthsAndParsing) {
  int y = 2023, m = 11;
  time::add_months(&y, &m, 3);
  EXPECT_EQ(y, 2024);
  EXPECT_EQ(m, 2);
  time::add_months(&y, &m, -14);
  EXPECT_EQ(y, 2022);
  EXPECT_EQ(m, 12);
  EXPECT_EQ(time::days_in_month(2024, 2), 29);
  EXPECT_EQ(time::days_in_month(1900, 2), 28);
  Ymd d;
  EXPECT_TRUE(time::parse_iso_date("2023-05-03", &d));
  EXPECT_EQ(d.day, 3);
  EXPECT_FALSE(time::parse_iso_date("2023-02-30", &d));
  EXPECT_FALSE(time::parse_iso_date("2023-5-3", &d));
  EXPECT_EQ(time::format_year(842), "0842");
}

TEST(TimeEvalValueRule, WhenNeedsTheSameInterval) {
  eval::GoldDate g;
  g.when = "2015-09-14";
  EXPECT_TRUE(eval::time_value_matches("2015-09-14", g, "2015-09-22"));
  EXPECT_TRUE(eval::time_value_matches("2015-09-14TNI", g, "2015-09-22"));
  EXPECT_FALSE(eval::time_value_matches("2015-09", g, "2015-09-22"));
  g.when = "2006";
  EXPECT_TRUE(eval::time_value_matches("2006", g, ""));
  EXPECT_FALSE(eval::time_value_matches("2006-05", g, ""));
  EXPECT_FALSE(eval::time_value_matches("P3Y", g, ""));
  g.when = "-2009-03-13";  // as written in GUM
  EXPECT_TRUE(eval::time_value_matches("2009-03-13", g, ""));
}

TEST(TimeEvalValueRule, RangesNeedTheValueInside) {
  eval::GoldDate g;
  g.from = "2015-09-14";
  g.to = "2015-09-20";
  EXPECT_TRUE(eval::time_value_matches("2015-W38", g, ""));
  EXPECT_FALSE(eval::time_value_matches("2015-W39", g, ""));
  g = {};
  g.from = "2015-09-19";
  g.to = "2015-09-20";
  EXPECT_TRUE(eval::time_value_matches("2015-W38-WE", g, ""));
  g = {};
  g.from = "1960-01-01";
  g.to = "1969-12-31";
  EXPECT_TRUE(eval::time_value_matches("196X", g, ""));
  g = {};
  g.from = "1900";
  g.to = "1999";
  EXPECT_TRUE(eval::time_value_matches("19", g, ""));
  g = {};
  g.from = "2022-06-01";
  g.to = "2022-08-31";
  EXPECT_TRUE(eval::time_value_matches("2022-SU", g, ""));
  g = {};
  g.not_after = "2012-03";
  EXPECT_TRUE(eval::time_value_matches("PAST_REF", g, "2012-03-15"));
  EXPECT_FALSE(eval::time_value_matches("FUTURE_REF", g, "2012-03-15"));
}

TEST(TimeEvalValueRule, YearlessGoldComparesMonthAndDay) {
  eval::GoldDate g;
  g.when = "--10";
  EXPECT_TRUE(eval::time_value_matches("2013-10", g, ""));
  EXPECT_FALSE(eval::time_value_matches("2013-11", g, ""));
  g = {};
  g.from = "--12";
  g.to = "--03";
  EXPECT_TRUE(eval::time_value_matches("2013-WI", g, ""));
  EXPECT_TRUE(eval::time_value_matches("2014-01-15", g, ""));
  EXPECT_FALSE(eval::time_value_matches("2014-07", g, ""));
}

}  // namespace
}  // namespace casus
