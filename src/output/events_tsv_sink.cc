// Event-table sinks (docs/events.md#formats): `--format events-tsv`, the TABARI/PETRARCH-style
// one line per event, and `--format gdelt`, the GDELT 2.0 event table's 61 columns filled where
// casus has the data. Both write only events that are stated as happening or about to happen:
// negated, denied, hypothetical and threatened events stay in the JSON layer only.
#include <cstdio>
#include <string>

#include "casus/casus.h"

namespace casus {
namespace {

// Events the table formats carry: not negated, asserted or future.
bool tabled(const Event& e) {
  return !e.negated && (e.mood == EventMood::kAsserted || e.mood == EventMood::kFuture);
}

// `s` with tabs and line breaks turned into single spaces.
std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == '\t' || c == '\n' || c == '\r') {
      if (!space) out.push_back(' ');
      space = true;
      continue;
    }
    out.push_back(c);
    space = c == ' ';
  }
  return out;
}

// "2023-05-03" -> "20230503"; coarser values lose their dashes ("2023-05" -> "202305").
std::string compact_date(std::string_view date) {
  std::string out;
  for (char c : date) {
    if (c != '-') out.push_back(c);
  }
  return out;
}

bool full_date(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  return true;
}

class EventsTsvSink : public Sink {
 public:
  explicit EventsTsvSink(std::ostream& out) : out_(out) {
    out_ << "date\tsource\ttarget\tcode\tlabel\tdocument\tsentence\n";
  }
  Status write(const Document& doc) override {
    for (const Event& e : doc.events) {
      if (!tabled(e)) continue;
      const std::string_view sentence =
          e.sentence < doc.sentences.size() ? doc.slice(doc.sentences[e.sentence].span) : "";
      out_ << compact_date(e.date) << '\t' << e.source.actor << '\t'
           << (e.has_target ? e.target.actor : std::string()) << '\t' << e.code << '\t'
           << one_line(e.label) << '\t' << one_line(doc.id) << '\t' << one_line(sentence) << '\n';
    }
    if (!out_) return Status::io_error("cannot write events-tsv output");
    return Status::ok();
  }

 private:
  std::ostream& out_;
};

// GDELT 2.0 event table columns, in the published order.
constexpr int kGdeltColumns = 61;

class GdeltSink : public Sink {
 public:
  explicit GdeltSink(std::ostream& out) : out_(out) {}
  Status write(const Document& doc) override {
    const uint32_t lead_paragraph = doc.sentences.empty() ? 0 : doc.sentences[0].paragraph;
    for (const Event& e : doc.events) {
      if (!tabled(e)) continue;
      std::string cols[kGdeltColumns];
      cols[0] = std::to_string(++next_id_);  // GlobalEventID
      if (full_date(e.date)) {
        const int y = std::stoi(e.date.substr(0, 4)), m = std::stoi(e.date.substr(5, 2)),
                  d = std::stoi(e.date.substr(8, 2));
        cols[1] = compact_date(e.date);    // Day
        cols[2] = cols[1].substr(0, 6);    // MonthYear
        cols[3] = cols[1].substr(0, 4);    // Year
        cols[4] = fraction_date(y, m, d);  // FractionDate
      } else if (e.date.size() >= 4) {
        cols[3] = e.date.substr(0, 4);
      }
      party_columns(doc, e.source, &cols[5]);                     // Actor1*: columns 5..14
      if (e.has_target) party_columns(doc, e.target, &cols[15]);  // Actor2*: 15..24
      cols[25] =
          e.sentence < doc.sentences.size() && doc.sentences[e.sentence].paragraph == lead_paragraph
              ? "1"
              : "0";                                                    // IsRootEvent
      cols[26] = e.code;                                                // EventCode
      cols[27] = e.code.substr(0, std::min<size_t>(3, e.code.size()));  // EventBaseCode
      cols[28] = e.root;                                                // EventRootCode
      cols[29] = std::to_string(e.quad);                                // QuadClass
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.1f", e.goldstein);
      cols[30] = buf;                                                         // GoldsteinScale
      cols[31] = std::to_string(e.evidence.empty() ? 1 : e.evidence.size());  // NumMentions
      cols[32] = "1";                                                         // NumSources
      cols[33] = "1";                                                         // NumArticles
      // 34 AvgTone: empty. 35..42 Actor1Geo, 43..50 Actor2Geo: empty (actors are not located).
      if (e.place < doc.places.size()) place_columns(doc.places[e.place], &cols[51]);
      if (full_date(doc.date)) cols[59] = compact_date(doc.date) + "000000";  // DATEADDED
      cols[60] = one_line(doc.url.empty() ? doc.id : doc.url);                // SOURCEURL
      for (int i = 0; i < kGdeltColumns; ++i) {
        if (i) out_ << '\t';
        out_ << cols[i];
      }
      out_ << '\n';
    }
    if (!out_) return Status::io_error("cannot write gdelt output");
    return Status::ok();
  }

 private:
  static std::string fraction_date(int y, int m, int d) {
    static constexpr int kCum[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    int doy = kCum[(m - 1) % 12] + d;
    if (m > 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) ++doy;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", y + doy / 365.0);
    return buf;
  }

  // Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code,
  // Type1Code, Type2Code, Type3Code.
  static void party_columns(const Document& doc, const EventParty& p, std::string* cols) {
    cols[0] = p.actor;
    std::string name(p.entity < doc.entities.size() ? doc.entities[p.entity].name
                                                    : std::string(doc.slice(p.span)));
    for (char& c : name) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    cols[1] = one_line(name);
    if (p.entity < doc.entities.size()) {
      cols[2] = doc.entities[p.entity].actor_country;
      cols[7] = doc.entities[p.entity].actor_role;
    }
  }

  // ActionGeo_Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID.
  static void place_columns(const Place& p, std::string* cols) {
    // A place located only to the article's country is a country-level location.
    const bool country =
        p.feature.rfind("A.PCL", 0) == 0 || p.basis == PlaceBasis::kArticleCountry;
    const bool adm1 = p.feature == "A.ADM1";
    const bool usa = p.country == "USA";
    cols[0] = country ? "1" : adm1 ? (usa ? "2" : "5") : (usa ? "3" : "4");
    cols[1] = one_line(p.name);
    // cols[2] CountryCode: GDELT uses FIPS 10-4, which casus does not carry; ADM codes too.
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", p.lat);
    cols[5] = buf;
    std::snprintf(buf, sizeof buf, "%.4f", p.lon);
    cols[6] = buf;
    if (p.geonameid != 0) cols[7] = std::to_string(p.geonameid);
  }

  std::ostream& out_;
  uint64_t next_id_ = 0;
};

}  // namespace

std::unique_ptr<Sink> make_events_tsv_sink(std::ostream& out) {
  return std::make_unique<EventsTsvSink>(out);
}

std::unique_ptr<Sink> make_gdelt_sink(std::ostream& out) {
  return std::make_unique<GdeltSink>(out);
}

}  // namespace casus
