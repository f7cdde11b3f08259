// Loading real PETRARCH/Phoenix dictionaries from ../shared/data (skipped when absent): they load
// completely, and every malformed line is reported with its file and line. How fast they load is
// measured by BM_PetrarchLoadPhoenix (bench/bench_events.cc), not here.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "eval/eval.h"
#include "events/petrarch_dict.h"
#include "events/stage.h"

namespace casus::events::petrarch {
namespace {

// The shared data folder (CASUS_DATA, ../shared/data) or the one beside the source tree.
std::string dictionaries_dir() {
  std::string data = eval::find_shared_data();
  std::error_code ec;
  if (data.empty() && std::filesystem::is_directory(CASUS_SOURCE_DIR "/../shared/data", ec))
    data = CASUS_SOURCE_DIR "/../shared/data";
  const std::string dir = data + "/events/petrarch/dictionaries";
  return !data.empty() && std::filesystem::is_directory(dir, ec) ? dir : "";
}

TEST(PetrarchLoad, PhoenixDictionariesLoadCompletely) {
  const std::string dir = dictionaries_dir();
  if (dir.empty()) GTEST_SKIP() << "no shared data";
  EventOptions options;
  options.verbs = dir + "/CAMEO.2.0.txt";
  options.actors = {dir + "/Phoenix.Countries.actors.txt",
                    dir + "/Phoenix.International.actors.txt",
                    dir + "/Phoenix.MilNonState.actors.txt"};
  options.agents = dir + "/Phoenix.agents.txt";
  options.discards = dir + "/Phoenix.discards.txt";
  std::unique_ptr<const Dictionaries> dict;
  std::vector<std::string> warnings;
  const Status st = Dictionaries::load(options, &dict, &warnings);
  ASSERT_TRUE(st.is_ok()) << st.message();
  const auto& d = static_cast<const CompiledDictionaries&>(*dict);
  // Sizes well below the files' entry counts would mean whole sections were dropped.
  EXPECT_GT(d.actors().size(), 20000u);
  EXPECT_GT(d.actor_phrases().size(), 35000u);  // 35,616 phrase lines in the three files
  EXPECT_GT(d.agent_phrases().size(), 2000u);
  EXPECT_EQ(d.blocks().size(), 397u);  // "---" block lines of CAMEO.2.0.txt
  size_t patterns = 0;
  for (const VerbBlock& b : d.blocks()) patterns += b.patterns.size();
  EXPECT_GT(patterns, 4600u);  // 4,668 pattern lines, a few malformed
  EXPECT_GT(d.verb_forms().size(), 8000u);
  EXPECT_GT(d.discards().size(), 400u);
  // Warnings name the file and line; the real files have a handful of bad lines, not thousands.
  const std::regex where(R"(^.+\.txt:[0-9]+: .+)");
  for (const std::string& w : warnings) EXPECT_TRUE(std::regex_match(w, where)) << w;
  EXPECT_LT(warnings.size(), 50u);
}

TEST(PetrarchLoad, ValidationDictionariesAndMissingFiles) {
  const std::string dir = dictionaries_dir();
  if (dir.empty()) GTEST_SKIP() << "no shared data";
  EventOptions options;
  options.verbs = dir + "/PETR.Validate.verbs.txt";
  options.actors = {dir + "/PETR.Validate.actors.txt"};
  options.agents = dir + "/PETR.Validate.agents.txt";
  options.discards = dir + "/PETR.Validate.discards.txt";
  std::unique_ptr<const Dictionaries> dict;
  std::vector<std::string> warnings;
  ASSERT_TRUE(Dictionaries::load(options, &dict, &warnings).is_ok());
  ASSERT_NE(dict, nullptr);
  options.agents = dir + "/no-such-file.txt";
  EXPECT_FALSE(Dictionaries::load(options, &dict, &warnings).is_ok());
  EXPECT_EQ(dict, nullptr);
}

}  // namespace
}  // namespace casus::events::petrarch
