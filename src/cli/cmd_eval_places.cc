// casus eval places: toponym resolution on GUM news and interview documents against casus's gold
// table (data/places/gum_gold.tsv; docs/places.md).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <map>

#include "cli/commands.h"
#include "entities/ner_gum.h"
#include "eval/eval.h"
#include "eval/places_eval.h"

namespace casus::cli {
namespace {

struct PlacesArgs {
  std::string gum;  // the GUM folder (with dep/ and splits.md); default <shared data>/gum
  std::string gold = "data/places/gum_gold.tsv";
  std::string split = "all";  // the split of the top-level figures: dev, test, train or all
  std::vector<std::string> genres = {"news", "interview"};
  bool json = false;
  bool errors = false;
};

void print_json(const eval::PlaceScores& s) {
  std::printf(
      "\"country_accuracy\": %.2f, \"geonames_accuracy\": %.2f, \"recall\": %.2f, "
      "\"mentions\": %zu, \"found\": %zu, \"country_gold\": %zu, \"country_correct\": %zu, "
      "\"geonames_gold\": %zu, \"geonames_correct\": %zu, \"unknown_identities\": %zu, "
      "\"documents\": %zu",
      s.country_accuracy(), s.geonames_accuracy(), s.recall(), s.mentions, s.found, s.country_gold,
      s.country_correct, s.geonames_gold, s.geonames_correct, s.unknown_identities, s.documents);
}

void print_text(const std::string& name, const eval::PlaceScores& s) {
  std::printf(
      "%-6s country %6.2f (%zu/%zu)  GeoNames entry %6.2f (%zu/%zu)  found %6.2f (%zu/%zu)  "
      "%zu documents\n",
      name.c_str(), s.country_accuracy(), s.country_correct, s.country_gold, s.geonames_accuracy(),
      s.geonames_correct, s.geonames_gold, s.recall(), s.found, s.mentions, s.documents);
}

int run_places(const PlacesArgs& args) {
  std::string gum_dir = args.gum;
  if (gum_dir.empty()) {
    const std::string data = eval::find_shared_data();
    if (data.empty()) {
      std::cerr << "casus eval places: no shared data folder found (pass --gum DIR, set "
                   "CASUS_DATA or run from the project root next to ../shared)\n";
      return 2;
    }
    gum_dir = data + "/gum";
  }
  // gum_files wants the folder that holds gum/.
  std::string data_dir = gum_dir;
  while (!data_dir.empty() && data_dir.back() == '/') data_dir.pop_back();
  if (data_dir.size() < 4 || data_dir.substr(data_dir.size() - 4) != "/gum") {
    std::cerr << "casus eval places: --gum must name a folder called gum (with dep/ and "
                 "splits.md)\n";
    return 2;
  }
  data_dir.resize(data_dir.size() - 4);
  std::map<std::string, eval::PlaceGold> gold;
  if (Status st = eval::read_place_gold(args.gold, &gold); !st.is_ok()) {
    std::cerr << "casus eval places: " << st.message() << "\n";
    return 2;
  }
  const char* kSplits[] = {"train", "dev", "test"};
  std::map<std::string, eval::PlaceScores> sets;
  std::string errors;
  for (const char* split : kSplits) {
    const auto files = entities::gum_files(data_dir, split, args.genres);
    eval::PlaceScores s;
    if (Status st = eval::evaluate_places_gum(files, gold, &s, args.errors ? &errors : nullptr);
        !st.is_ok()) {
      std::cerr << "casus eval places: " << st.message() << "\n";
      return 1;
    }
    sets["all"].add(s);
    sets[split] = s;
  }
  if (sets["all"].documents == 0) {
    std::cerr << "casus eval places: no GUM documents for these genres in " << gum_dir << "\n";
    return 2;
  }
  if (!sets.count(args.split)) {
    std::cerr << "casus eval places: unknown split " << args.split << "\n";
    return 2;
  }
  if (args.errors) std::fputs(errors.c_str(), stderr);
  if (args.json) {
    std::printf("{");
    print_json(sets[args.split]);
    std::printf(", \"split\": \"%s\", \"sets\": {", args.split.c_str());
    const char* kOrder[] = {"dev", "test", "train", "all"};
    for (size_t i = 0; i < 4; ++i) {
      std::printf("%s\"%s\": {", i ? ", " : "", kOrder[i]);
      print_json(sets[kOrder[i]]);
      std::printf("}");
    }
    std::printf("}}\n");
  } else {
    for (const char* name : {"dev", "test", "train", "all"}) print_text(name, sets[name]);
  }
  return 0;
}

}  // namespace

void add_eval_places(CLI::App& eval, int* exit_code) {
  auto args = std::make_shared<PlacesArgs>();
  auto* cmd = eval.add_subcommand(
      "places",
      "Toponym resolution (country, GeoNames entry) on GUM news + interview place mentions");
  cmd->footer(
      "Gold: Wikipedia identities of GUM place mentions mapped to country and GeoNames id by\n"
      "data/places/gum_gold.tsv. Example:\n"
      "  casus eval places --json\n"
      "  casus eval places --split test --errors");
  cmd->add_option("--gum", args->gum, "GUM folder (default <shared data>/gum)");
  cmd->add_option("--gold", args->gold, "gold table (default data/places/gum_gold.tsv)");
  cmd->add_option("--split", args->split,
                  "split of the top-level JSON figures: dev, test, train, all")
      ->check(CLI::IsMember({"dev", "test", "train", "all"}));
  cmd->add_option("--genres", args->genres, "GUM genres (default news,interview)")->delimiter(',');
  cmd->add_flag("--json", args->json, "print one JSON object");
  cmd->add_flag("--errors", args->errors, "list wrong and missed mentions on stderr");
  cmd->callback([args, exit_code] { *exit_code = run_places(*args); });
}

}  // namespace casus::cli
