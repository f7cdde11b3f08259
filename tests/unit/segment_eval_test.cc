// Tests of `casus eval segment` scoring and its boundary-error listing (eval/eval.h): gold
// CoNLL-U written here, scored through text::segment, missed and spurious sentence ends listed
// with the gold sentence's line and the gap in context.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "eval/eval.h"

namespace casus::eval {
namespace {

// Writes `body` to a fresh file in the test's temporary folder and returns its path.
std::string write_temp(const std::string& name, const std::string& body) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path, std::ios::binary) << body;
  return path.string();
}

// Everything written to a tmpfile() so far.
std::string read_all(std::FILE* f) {
  std::string out;
  std::rewind(f);
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  return out;
}

// Gold keeps two punctuated sentences together (casus splits them: a spurious end) and splits
// an unpunctuated lowercase run (casus never ends a sentence between two lowercase words: a
// missed end). The last sentence ends the paragraph, so its end is always found.
constexpr char kGold[] =
    "# newdoc id = d1\n"
    "# newpar\n"
    "# sent_id = 1\n"
    "# text = It rained all day. Then it stopped.\n"
    "1\tIt\n2\trained\n3\tall\n4\tday\n5\t.\n6\tThen\n7\tit\n8\tstopped\n9\t.\n"
    "\n"
    "# sent_id = 2\n"
    "# text = we walked to the old park\n"
    "1\twe\n2\twalked\n3\tto\n4\tthe\n5\told\n6\tpark\n"
    "\n"
    "# sent_id = 3\n"
    "# text = it was cold there.\n"
    "1\tit\n2\twas\n3\tcold\n4\tthere\n5\t.\n"
    "\n";

TEST(SegmentEval, ListsMissedAndSpuriousEnds) {
  const std::string path = write_temp("casus_segment_eval_test.conllu", kGold);
  std::FILE* errors = std::tmpfile();
  ASSERT_NE(errors, nullptr);
  SegmentScores scores;
  ASSERT_TRUE(evaluate_segmentation(path, &scores, errors).is_ok());
  const std::string out = read_all(errors);
  std::fclose(errors);

  EXPECT_EQ(scores.sentences.gold, 3u);
  EXPECT_EQ(scores.tokens.gold, 20u);
  EXPECT_EQ(scores.tokens.correct, 20u);
  // The spurious end after "day .", inside gold sentence 1 (line 1 of the file).
  EXPECT_NE(out.find("SPURIOUS\t" + path + ":1\tIt rained all day . || Then it stopped ."),
            std::string::npos)
      << out;
  // The missed end after "park": gold sentence 2 starts at line 15.
  EXPECT_NE(out.find("MISS\t" + path + ":15\t"), std::string::npos) << out;
  EXPECT_NE(out.find("the old park || it was cold there ."), std::string::npos) << out;
  // Every listed line is one of the two kinds, with three tab-separated fields.
  size_t lines = 0;
  for (size_t b = 0; b < out.size();) {
    const size_t e = out.find('\n', b);
    const std::string line = out.substr(b, e - b);
    EXPECT_TRUE(line.rfind("MISS\t", 0) == 0 || line.rfind("SPURIOUS\t", 0) == 0) << line;
    EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), 2) << line;
    ++lines;
    b = e + 1;
  }
  EXPECT_GE(lines, 2u);
  // Each listed error costs the scores: not every gold sentence is found.
  EXPECT_LT(scores.sentences.correct, scores.sentences.gold);
  std::filesystem::remove(path);
}

TEST(SegmentEval, NoListingWithoutAFile) {
  const std::string path = write_temp("casus_segment_eval_test2.conllu", kGold);
  SegmentScores with, without;
  std::FILE* errors = std::tmpfile();
  ASSERT_NE(errors, nullptr);
  ASSERT_TRUE(evaluate_segmentation(path, &with, errors).is_ok());
  std::fclose(errors);
  ASSERT_TRUE(evaluate_segmentation(path, &without).is_ok());
  EXPECT_EQ(with.sentences.correct, without.sentences.correct);
  EXPECT_EQ(with.sentences.system, without.sentences.system);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace casus::eval
