// Issue 14 finding 11: WARC damage lost intact records silently. A corrupt
// member of a .warc.gz lost the next, intact member in 11 of the probe's 24
// layouts; a Content-Length 500 bytes too large lost the following record
// unreported.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "warc/warc_reader.h"
#include "warc/warc_test_util.h"

namespace warta::warc {
namespace {

using namespace testutil;

struct Read {
  std::vector<WarcRecord> records;
  std::vector<WarcProblem> problems;
};

Read ReadRecordsAndProblems(const std::string& bytes) {
  Read out;
  WarcReader reader(MemoryInput(bytes), {});
  WarcRecord rec;
  while (reader.Next(&rec)) out.records.push_back(rec);
  out.problems = reader.TakeProblems();
  return out;
}

std::string Uri(int i) { return "http://berita.example/" + std::to_string(i); }

std::vector<std::string> Records() {
  std::vector<std::string> out;
  out.push_back(Record("warcinfo", Uri(0), "software: probe\r\n", "application/warc-fields"));
  for (int i = 1; i <= 4; ++i) {
    out.push_back(Record("request", Uri(i), "GET /" + std::to_string(i) + " HTTP/1.1\r\n\r\n"));
    out.push_back(Record("response", Uri(i), HttpOk(Page("Judul " + std::to_string(i), "Isi berita nomor " +
                                                                                   std::to_string(i)))));
  }
  return out;
}

// One damage to a gzip member: where, and what is done to the bytes.
struct Damage {
  const char* name;
  void (*apply)(std::string* member);
};

const Damage kDamages[] = {
    {"magic byte", [](std::string* m) { (*m)[0] = 'X'; }},
    {"reserved header flags", [](std::string* m) { (*m)[3] = static_cast<char>(0xE0); }},
    {"first deflate byte", [](std::string* m) { (*m)[10] = static_cast<char>((*m)[10] ^ 0xFF); }},
    {"middle of the data", [](std::string* m) {
       for (size_t i = m->size() / 2; i < m->size() / 2 + 8; ++i) (*m)[i] = static_cast<char>((*m)[i] ^ 0x5A);
     }},
    {"checksum", [](std::string* m) { (*m)[m->size() - 8] = static_cast<char>((*m)[m->size() - 8] ^ 0x01); }},
    {"cut short", [](std::string* m) { m->resize(m->size() / 2); }},
};

// Every damage at every member: 9 members x 6 damages = 54 layouts (the
// probe's 24 are among them). Each intact member's record is read, and the
// damage is reported at an offset inside the damaged member.
TEST(Issue14WarcTest, Finding11CorruptMemberNeverLosesAnIntactOne) {
  const std::vector<std::string> records = Records();
  std::vector<std::string> members;
  for (const std::string& r : records) members.push_back(Gzip(r));
  int layouts = 0;
  for (size_t damaged = 0; damaged < members.size(); ++damaged) {
    for (const Damage& damage : kDamages) {
      SCOPED_TRACE(std::string(damage.name) + " in member " + std::to_string(damaged));
      std::string file;
      int64_t damaged_start = 0, damaged_end = 0;
      std::vector<std::pair<std::string, std::string>> intact;  // type, uri
      for (size_t i = 0; i < members.size(); ++i) {
        std::string m = members[i];
        if (i == damaged) {
          damage.apply(&m);
          damaged_start = static_cast<int64_t>(file.size());
          damaged_end = damaged_start + static_cast<int64_t>(m.size());
        } else {
          WarcRecord parsed = ReadRecordsAndProblems(records[i]).records.at(0);
          intact.emplace_back(parsed.type, parsed.target_uri);
        }
        file += m;
      }
      Read got = ReadRecordsAndProblems(file);
      std::vector<std::pair<std::string, std::string>> read;
      for (const WarcRecord& r : got.records) read.emplace_back(r.type, r.target_uri);
      EXPECT_EQ(read, intact);
      ASSERT_FALSE(got.problems.empty());
      for (const WarcProblem& p : got.problems) {
        EXPECT_GE(p.offset, damaged_start) << p.reason;
        EXPECT_LT(p.offset, damaged_end) << p.reason;
      }
      ++layouts;
    }
  }
  EXPECT_EQ(layouts, 54);
}

// Two damaged members in a row, and damage in the first and last member.
TEST(Issue14WarcTest, Finding11AdjacentDamagedMembers) {
  const std::vector<std::string> records = Records();
  std::string file;
  std::set<size_t> damaged = {0, 3, 4, records.size() - 1};
  size_t expected = 0;
  for (size_t i = 0; i < records.size(); ++i) {
    std::string m = Gzip(records[i]);
    if (damaged.count(i)) {
      m[m.size() / 2] = static_cast<char>(m[m.size() / 2] ^ 0x33);
      m[m.size() - 6] = static_cast<char>(m[m.size() - 6] ^ 0x33);  // the length check fails whatever the data does
    } else {
      ++expected;
    }
    file += m;
  }
  Read got = ReadRecordsAndProblems(file);
  EXPECT_EQ(got.records.size(), expected);
  EXPECT_GE(got.problems.size(), damaged.size());
}

std::string LengthPlus(std::string record, int extra) {
  const size_t at = record.find("Content-Length: ") + 16;
  const size_t eol = record.find("\r\n", at);
  const long length = std::stol(record.substr(at, eol - at));
  return record.replace(at, eol - at, std::to_string(length + extra));
}

// A Content-Length 500 bytes too large swallowed the start of the next
// record, which was then lost without a word. Plain and gzipped, in the
// middle and at the end, and over more than one following record.
TEST(Issue14WarcTest, Finding11ContentLengthTooLargeLosesOnlyItsRecord) {
  const std::vector<std::string> records = Records();
  for (bool gzipped : {false, true}) {
    for (size_t lying = 0; lying < records.size(); ++lying) {
      for (int extra : {1, 500, 5000}) {
        SCOPED_TRACE("record " + std::to_string(lying) + " +" + std::to_string(extra) +
                     (gzipped ? " gzipped" : " plain"));
        std::string file;
        int64_t lying_offset = 0;
        std::vector<std::string> expected;
        for (size_t i = 0; i < records.size(); ++i) {
          std::string r = records[i];
          if (i == lying) {
            r = LengthPlus(r, extra);
            lying_offset = static_cast<int64_t>(file.size());
          } else {
            expected.push_back(ReadRecordsAndProblems(r).records.at(0).type + " " + ReadRecordsAndProblems(r).records.at(0).target_uri);
          }
          file += gzipped ? Gzip(r) : r;
        }
        Read got = ReadRecordsAndProblems(file);
        std::vector<std::string> read;
        for (const WarcRecord& r : got.records) read.push_back(r.type + " " + r.target_uri);
        EXPECT_EQ(read, expected);
        ASSERT_EQ(got.problems.size(), 1u);
        EXPECT_EQ(got.problems[0].offset, lying_offset);
        const bool last = lying + 1 == records.size();
        if (!last) {
          EXPECT_NE(got.problems[0].reason.find("runs past the record's end"), std::string::npos)
              << got.problems[0].reason;
        }
      }
    }
  }
}

// The records found after a repaired length keep their true offsets.
TEST(Issue14WarcTest, Finding11OffsetsAfterAnOverrunAreTheRecordsOwn) {
  const std::vector<std::string> records = Records();
  std::string file = records[0] + LengthPlus(records[1], 500);
  const int64_t next = static_cast<int64_t>(file.size());
  file += records[2] + records[3];
  Read got = ReadRecordsAndProblems(file);
  ASSERT_EQ(got.records.size(), 3u);
  EXPECT_EQ(got.records[1].offset, next);
  EXPECT_EQ(got.records[2].offset, next + static_cast<int64_t>(records[2].size()));
  ASSERT_EQ(got.problems.size(), 1u);
  EXPECT_NE(got.problems[0].reason.find("at byte " + std::to_string(next)), std::string::npos)
      << got.problems[0].reason;
}

}  // namespace
}  // namespace warta::warc
