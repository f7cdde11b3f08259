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

// GeoNames feature of a facility located through the place it is in (GeoNames class S: spot,
// building, farm; code BLDG: building).
constexpr const char* kLocatedFacilityFeature = "S.BLDG";
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
    const uint32_t prep = m.end_token;
    if (prep + 1 >= doc.sentences[m.sentence].end_token) continue;
    const std::string_view w = doc.slice(doc.tokens[prep].span);
    if (w != "in" && w != "at" && w != "near" && w != ",") continue;
    if (const int32_t i = resolved_at[prep + 1]; i >= 0) {
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
      p.feature = m.type == EntityType::kFac ? kLocatedFacilityFeature : kLocatedLocalityFeature;
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
  std::sort(doc.places.begin(), doc.places.end(), [](const Place& a, const Place& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
  });
}

}  // namespace casus::places
