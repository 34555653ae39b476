#include "timex/calendar.h"

#include <gtest/gtest.h>

namespace warta::timex {
namespace {

TEST(Calendar, DaysRoundTripAcrossCenturiesAndLeapYears) {
  for (Day d : {Day{1970, 1, 1}, Day{2000, 2, 29}, Day{1900, 3, 1}, Day{2024, 12, 31}, Day{1601, 1, 1}}) {
    EXPECT_EQ(FromDays(ToDays(d)), d) << FormatDay(d);
  }
  EXPECT_EQ(ToDays({1970, 1, 2}), 1);
  EXPECT_EQ(AddDays({2024, 2, 28}, 1), (Day{2024, 2, 29}));
  EXPECT_EQ(AddDays({2023, 2, 28}, 1), (Day{2023, 3, 1}));
}

TEST(Calendar, WeekdaysAndIsoWeeks) {
  EXPECT_EQ(IsoWeekday({2024, 11, 18}), 1);  // Monday
  EXPECT_EQ(IsoWeekday({2025, 3, 22}), 6);   // Saturday
  EXPECT_EQ(FormatWeek({2024, 11, 19}), "2024-W47");
  EXPECT_EQ(FormatWeek({2021, 1, 3}), "2020-W53");  // Sunday of the last 2020 week
  EXPECT_EQ(FormatWeek({2024, 12, 30}), "2025-W01");
  EXPECT_EQ(IsoWeekMonday(2024, 47), (Day{2024, 11, 18}));
}

TEST(Calendar, Validity) {
  EXPECT_FALSE(IsValidDay(2024, 2, 30));
  EXPECT_FALSE(IsValidDay(2023, 2, 29));
  EXPECT_TRUE(IsValidDay(2024, 2, 29));
  EXPECT_FALSE(IsValidDay(2024, 13, 1));
}

}  // namespace
}  // namespace warta::timex
