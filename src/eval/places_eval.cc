#include "eval/places_eval.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "casus/engine.h"
#include "entities/ner_gum.h"

namespace casus::eval {

void PlaceScores::add(const PlaceScores& o) {
  documents += o.documents;
  mentions += o.mentions;
  found += o.found;
  country_gold += o.country_gold;
  country_correct += o.country_correct;
  geonames_gold += o.geonames_gold;
  geonames_correct += o.geonames_correct;
  unknown_identities += o.unknown_identities;
}

Status read_place_gold(const std::string& path, std::map<std::string, PlaceGold>* gold) {
  std::ifstream in(path);
  if (!in) return Status::not_found("cannot read the places gold table " + path);
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#' || line.rfind("identity\t", 0) == 0) continue;
    std::istringstream fields(line);
    std::string identity, country, id;
    if (!std::getline(fields, identity, '\t') || !std::getline(fields, country, '\t') ||
        !std::getline(fields, id, '\t') || identity.empty())
      return Status::invalid_argument(path + ":" + std::to_string(line_no) +
                                      ": expected identity, country, geonameid");
    PlaceGold g;
    if (country != "-") g.country = country;
    if (id != "-") {
      char* end = nullptr;
      g.geonameid = static_cast<uint32_t>(std::strtoul(id.c_str(), &end, 10));
      if (*end != '\0' || g.geonameid == 0)
        return Status::invalid_argument(path + ":" + std::to_string(line_no) + ": bad geonameid");
    }
    (*gold)[identity] = g;
  }
  return Status::ok();
}

Status evaluate_places_gum(const std::vector<std::string>& files,
                           const std::map<std::string, PlaceGold>& gold, PlaceScores* scores,
                           std::string* errors) {
  const Engine engine;
  for (const auto& f : files) {
    entities::GumDoc gd;
    if (Status st = entities::read_gum(f, &gd); !st.is_ok()) return st;
    const Document gold_doc = entities::gum_document(gd);
    Document doc;
    doc.id = gold_doc.id;
    doc.format = "text";
    doc.text = gold_doc.text;
    doc.date = gold_doc.date;
    doc.date_source = gold_doc.date_source;
    engine.process(doc);
    if (doc.text != gold_doc.text) continue;  // spans would not line up (never seen on GUM)
    ++scores->documents;
    for (const auto& m : gd.mentions) {
      if (m.etype != "place" || m.identity.empty()) continue;
      const auto& head = gd.sentences[m.sentence].tokens[m.head];
      if (head.xpos != "NNP" && head.xpos != "NNPS") continue;
      auto g = gold.find(m.identity);
      if (g == gold.end()) {
        ++scores->unknown_identities;
        if (errors) *errors += gd.id + "\t?\t" + m.identity + "\tno gold row\t-\n";
        continue;
      }
      if (g->second.country.empty() && g->second.geonameid == 0) continue;
      const uint32_t first = gold_doc.sentences[m.sentence].first_token;
      const Span mention{gold_doc.tokens[first + m.begin].span.begin,
                         gold_doc.tokens[first + m.end - 1].span.end};
      const Span head_span = gold_doc.tokens[first + m.head].span;
      // The casus place that names the mention: one starting where the name starts ("Clearwater"
      // of "Clearwater, Florida", whatever GUM's head), else one over the head token.
      uint32_t name_begin = mention.begin;
      if (m.end - m.begin > 1) {
        const std::string_view w = gd.sentences[m.sentence].tokens[m.begin].form;
        if (w == "the" || w == "The") name_begin = gold_doc.tokens[first + m.begin + 1].span.begin;
      }
      const Place* sys = nullptr;
      for (const Place& p : doc.places) {
        if (p.span.begin < mention.begin || p.span.end > mention.end) continue;
        if (p.span.begin == name_begin) {
          sys = &p;
          break;
        }
        if (!sys && p.span.begin < head_span.end && head_span.begin < p.span.end) sys = &p;
      }
      ++scores->mentions;
      if (sys) ++scores->found;
      bool wrong = false;
      if (!g->second.country.empty()) {
        ++scores->country_gold;
        if (sys && sys->country == g->second.country)
          ++scores->country_correct;
        else
          wrong = true;
      }
      if (g->second.geonameid != 0) {
        ++scores->geonames_gold;
        if (sys && sys->geonameid == g->second.geonameid)
          ++scores->geonames_correct;
        else
          wrong = true;
      }
      if (wrong && errors) {
        *errors +=
            gd.id + "\t" + std::string(gold_doc.slice(mention)) + "\t" + m.identity + "\t" +
            (g->second.country.empty() ? "-" : g->second.country) + " " +
            std::to_string(g->second.geonameid) + "\t" +
            (sys ? std::string(doc.slice(sys->span)) + " -> " + sys->name + " " + sys->country +
                       " " + std::to_string(sys->geonameid) + " " + sys->feature
                 : std::string("(none)")) +
            "\n";
      }
    }
  }
  return Status::ok();
}

}  // namespace casus::eval
