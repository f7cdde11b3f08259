#include "places/stage.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "places/candidates.h"
#include "places/gazetteer.h"
#include "places/resolve.h"

namespace casus::places {
namespace {

// GeoNames feature of a facility located through the place it is in or the article's country:
// from its last word where that names a kind GeoNames has ("Shandao Station" -> S.RSTN), else a
// building (class S: spot, building, farm; code BLDG).
constexpr const char* kLocatedFacilityFeature = "S.BLDG";
const char* facility_feature(std::string_view name) {
  const size_t space = name.rfind(' ');
  const std::string_view last = space == std::string_view::npos ? name : name.substr(space + 1);
  static constexpr std::pair<std::string_view, const char*> kKinds[] = {
      {"Airport", "S.AIRP"},  {"Bridge", "S.BDG"},    {"Station", "S.RSTN"},
      {"Road", "R.RD"},       {"Street", "R.ST"},     {"Avenue", "R.ST"},
      {"Boulevard", "R.ST"},  {"Hospital", "S.HSP"},  {"Museum", "S.MUS"},
      {"Stadium", "S.STDM"},  {"Hotel", "S.HTL"},     {"Mosque", "S.MSQE"},
      {"Church", "S.CH"},     {"Cathedral", "S.CH"},  {"Temple", "S.TMPL"},
      {"Tower", "S.TOWR"},    {"Towers", "S.TOWR"},   {"Prison", "S.PRN"},
      {"Port", "L.PRT"},      {"Dam", "S.DAM"},       {"Park", "L.PRK"},
      {"Square", "S.SQR"},    {"Palace", "S.PAL"},    {"Castle", "S.CSTL"},
      {"Library", "S.LIBR"},  {"Zoo", "S.ZOO"},       {"Base", "S.INSM"},
      {"Embassy", "S.DIP"},  {"Center", "S.BLDG"},   {"Centre", "S.BLDG"}};
  for (const auto& [word, feature] : kKinds)
    if (last == word) return feature;
  return kLocatedFacilityFeature;
}
// ... and of another named place NER called GPE or LOC (GeoNames L.LCTY: locality).
constexpr const char* kLocatedLocalityFeature = "L.LCTY";

std::string meta_string(const Document& doc, std::string_view key) {
  for (const auto& m : doc.meta)
    if (m.key == key && m.json.size() >= 2 && m.json.front() == '"')
      return m.json.substr(1, m.json.size() - 2);
  return {};
}

// Whether a place lies on any byte of `span`, from `placed`: one flag per byte of the text
// (cheap next to the text itself; keeps the stage linear in long documents).
bool overlaps_place(const std::vector<bool>& placed, Span span) {
  for (uint32_t b = span.begin; b < span.end; ++b)
    if (placed[b]) return true;
  return false;
}

void mark(std::vector<bool>* placed, Span span) {
  for (uint32_t b = span.begin; b < span.end; ++b) (*placed)[b] = true;
}

// The article's main country: the country of most place records when it has at least two of
// them and more than half of all (the dateline counts twice), else "".
std::string article_country(const std::vector<Place>& places, const std::string& dateline) {
  std::vector<std::pair<std::string, int>> counts;
  int total = 0;
  auto add = [&](const std::string& c, int n) {
    total += n;
    if (c.empty()) return;
    for (auto& [country, k] : counts)
      if (country == c) {
        k += n;
        return;
      }
    counts.emplace_back(c, n);
  };
  for (const Place& p : places) add(p.country, 1);
  if (!dateline.empty()) add(dateline, 2);
  const auto best = std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
    return a.second < b.second;
  });
  if (best == counts.end() || best->second < 2 || 2 * best->second <= total) return {};
  return best->first;
}

// Whether a mention's words name something: a word of three or more letters, or an acronym of
// two or more capitals ("KSC"); not an initial ("F.").
bool names_something(std::string_view text) {
  int run = 0, best = 0;
  for (const char c : text) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    run = letter ? run + 1 : 0;
    best = std::max(best, run);
  }
  return best >= 3 || (best == 2 && text.find('.') == std::string_view::npos);
}

// A facility or locality name mention (FAC or LOC) that nothing else locates, in an article
// with one main country: listed with that country (and its representative point), basis
// "article_country". Every mention of its entity gets it.
void add_article_country(const Document& doc, const Gazetteer& gaz, const std::string& dateline,
                         std::vector<bool>* placed, std::vector<Place>* places) {
  const std::string country = article_country(*places, dateline);
  if (country.empty()) return;
  const int32_t ce = gaz.country_entry(country);
  if (ce < 0) return;
  const GazEntry& c = gaz.entry(static_cast<uint32_t>(ce));
  std::vector<bool> entity_placed(doc.entities.size(), false);
  for (const Place& p : *places)
    if (p.mention < doc.mentions.size() && doc.mentions[p.mention].entity < doc.entities.size())
      entity_placed[doc.mentions[p.mention].entity] = true;
  for (size_t mi = 0; mi < doc.mentions.size(); ++mi) {
    const Mention& m = doc.mentions[mi];
    if (m.kind != MentionKind::kName || m.entity >= doc.entities.size()) continue;
    const EntityType type = doc.entities[m.entity].type;
    // Buildings, bridges, stations lie in one country; natural regions (LOC: "the Alps", "the
    // Ross Sea") often do not.
    if (type != EntityType::kFac) continue;
    if (entity_placed[m.entity] || overlaps_place(*placed, m.span)) continue;
    const std::string_view text = doc.slice(m.span);
    if (!names_something(text) || text.empty() || !(text[0] >= 'A' && text[0] <= 'Z')) continue;
    Place p;
    p.span = m.span;
    p.mention = static_cast<uint32_t>(mi);
    p.sentence = m.sentence;
    std::string_view name = text;
    if (name.rfind("the ", 0) == 0 || name.rfind("The ", 0) == 0) name.remove_prefix(4);
    p.name = std::string(name);
    p.country = country;
    p.lat = c.lat;
    p.lon = c.lon;
    p.feature = type == EntityType::kFac ? facility_feature(p.name) : kLocatedLocalityFeature;
    p.basis = PlaceBasis::kArticleCountry;
    mark(placed, p.span);
    places->push_back(std::move(p));
  }
}

// A facility or other named place the gazetteer lacks, said to be in a resolved place ("the
// Adler Planetarium in Chicago"): listed with that place's country and coordinates, and no
// GeoNames id.
void add_located(const Document& doc, const Gazetteer& gaz, const Candidates& cands,
                 const std::vector<Resolution>& res, std::vector<bool>* placed,
                 std::vector<Place>* places) {
  if (cands.unknown_places.empty()) return;
  std::vector<int32_t> resolved_at(doc.tokens.size(), -1);  // resolved candidate starting there
  for (size_t i = 0; i < cands.spans.size(); ++i)
    if (res[i].entry >= 0) resolved_at[cands.spans[i].first] = static_cast<int32_t>(i);
  for (const uint32_t mi : cands.unknown_places) {
    const Mention& m = doc.mentions[mi];
    // "Hong Kong" of "Hong Kong Island" is its place already.
    if (overlaps_place(*placed, m.span)) continue;
    const uint32_t sentence_end = doc.sentences[m.sentence].end_token;
    uint32_t prep = m.end_token;
    // "Johnson Space Center (JSC) in Houston": an acronym in brackets sits between.
    if (prep + 3 < sentence_end && doc.slice(doc.tokens[prep].span) == "(" &&
        doc.slice(doc.tokens[prep + 2].span) == ")")
      prep += 3;
    if (prep + 1 >= sentence_end) continue;
    const std::string_view w = doc.slice(doc.tokens[prep].span);
    if (w != "in" && w != "at" && w != "near" && w != ",") continue;
    uint32_t where = prep + 1;
    // "near downtown Taipei", "in central Kyiv".
    if (w != "," && where + 1 < sentence_end && is_direction(doc.slice(doc.tokens[where].span)))
      ++where;
    if (const int32_t i = resolved_at[where]; i >= 0) {
      const GazEntry& e = gaz.entry(res[i].entry);
      if (e.kind == EntryKind::kLandmark || e.country[0] == 0) continue;
      // "Kanata, Ontario": after a comma only a division or country locates a name.
      if (w == "," && e.kind != EntryKind::kAdmin1 && e.kind != EntryKind::kCountry) continue;
      Place p;
      p.span = m.span;
      p.mention = mi;
      p.sentence = m.sentence;
      std::string_view name = doc.slice(m.span);
      if (name.rfind("the ", 0) == 0 || name.rfind("The ", 0) == 0) name.remove_prefix(4);
      p.name = std::string(name);
      p.country = e.country;
      p.lat = e.lat;
      p.lon = e.lon;
      p.feature = m.type == EntityType::kFac ? facility_feature(p.name) : kLocatedLocalityFeature;
      p.basis = PlaceBasis::kContained;
      mark(placed, p.span);
      places->push_back(std::move(p));
    }
  }
}

// Coreference: a FAC/LOC/GPE name mention the gazetteer does not know ("the Museum of Flight"
// after "the Museum of Flight in Seattle") takes the place of a resolved mention of its entity.
void add_coreferent(const Document& doc, const std::vector<bool>& placed,
                    std::vector<Place>* places) {
  std::vector<int32_t> place_of_entity(doc.entities.size(), -1);
  std::vector<bool> has_place(doc.mentions.size(), false);
  for (size_t i = 0; i < places->size(); ++i) {
    const uint32_t mi = (*places)[i].mention;
    if (mi >= doc.mentions.size() || (*places)[i].span != doc.mentions[mi].span) continue;
    has_place[mi] = true;
    const uint32_t e = doc.mentions[mi].entity;
    if (e < place_of_entity.size() && place_of_entity[e] < 0)
      place_of_entity[e] = static_cast<int32_t>(i);
  }
  for (size_t mi = 0; mi < doc.mentions.size(); ++mi) {
    const Mention& m = doc.mentions[mi];
    if (has_place[mi] || m.kind != MentionKind::kName || m.entity >= place_of_entity.size() ||
        place_of_entity[m.entity] < 0 || m.type == EntityType::kPer || m.type == EntityType::kOrg ||
        m.type == EntityType::kNorp)
      continue;
    if (overlaps_place(placed, m.span)) continue;  // a place inside it already
    Place p = (*places)[place_of_entity[m.entity]];
    if (p.basis == PlaceBasis::kGazetteer) p.basis = PlaceBasis::kCoreference;
    p.span = m.span;
    p.mention = static_cast<uint32_t>(mi);
    p.sentence = m.sentence;
    places->push_back(std::move(p));
  }
}

}  // namespace

void annotate(Document& doc) {
  doc.places.clear();
  if (doc.tokens.empty()) return;
  const Gazetteer& gaz = Gazetteer::builtin();
  const Candidates cands = find_candidates(doc, gaz);

  ResolveContext ctx;
  for (const Entity& e : doc.entities)
    if (!e.actor_country.empty()) ctx.actor_countries.push_back(e.actor_country);
  if (const std::string dl = meta_string(doc, "dateline_place"); !dl.empty()) {
    // The first comma-separated part ("MOSCOW, May 3" -> "moscow"): its most likely reading.
    const std::string first = dl.substr(0, dl.find(','));
    std::vector<Toponym> one(1);
    one[0].key = normalize_key(first);
    const auto r = resolve(gaz, one, {});
    if (r[0].entry >= 0) ctx.dateline_country = gaz.entry(r[0].entry).country;
  }

  const std::vector<Resolution> res = resolve(gaz, cands.toponyms, ctx);
  for (size_t i = 0; i < cands.spans.size(); ++i) {
    if (res[i].entry < 0) continue;
    const GazEntry& e = gaz.entry(res[i].entry);
    Place p;
    p.span = cands.spans[i].span;
    p.mention = cands.spans[i].mention;
    p.sentence = cands.spans[i].sentence;
    p.name = std::string(e.name);
    p.country = e.country;
    p.lat = e.lat;
    p.lon = e.lon;
    p.geonameid = e.geonameid;
    p.feature = std::string(e.feature);
    doc.places.push_back(std::move(p));
  }
  std::vector<bool> placed(doc.text.size(), false);
  for (const Place& p : doc.places) mark(&placed, p.span);
  add_located(doc, gaz, cands, res, &placed, &doc.places);
  add_coreferent(doc, placed, &doc.places);
  for (const Place& p : doc.places) mark(&placed, p.span);
  add_article_country(doc, gaz, ctx.dateline_country, &placed, &doc.places);
  std::sort(doc.places.begin(), doc.places.end(), [](const Place& a, const Place& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
  });
}

}  // namespace casus::places
