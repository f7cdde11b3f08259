// JSON Lines sink: the record contract of docs/schema.md. Byte spans become code point spans here,
// and only here.
#include <cmath>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "base/codepoints.h"
#include "casus/casus.h"

namespace casus {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void write_string(Writer& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void write_string_or_null(Writer& w, std::string_view s) {
  if (s.empty()) {
    w.Null();
  } else {
    write_string(w, s);
  }
}

void write_span(Writer& w, const CodepointIndex& cp, Span span) {
  w.StartArray();
  w.Uint(cp(span.begin));
  w.Uint(cp(span.end));
  w.EndArray();
}

void write_key(Writer& w, const char* key) { w.Key(key); }

// The fields "entity", "name", "text", "span" shared by quote speakers/addressees and event
// parties: the entity's id and canonical name (null when none), the words as written and their span
// (null when empty).
void write_party_fields(Writer& w, const CodepointIndex& cp, const Document& doc, Span span,
                        uint32_t entity) {
  const bool has_entity = entity != kNoEntity && entity < doc.entities.size();
  w.Key("entity");
  if (has_entity) {
    write_string(w, "e" + std::to_string(entity + 1));
  } else {
    w.Null();
  }
  w.Key("name");
  if (has_entity) {
    write_string(w, doc.entities[entity].name);
  } else {
    w.Null();
  }
  w.Key("text");
  write_string_or_null(w, doc.slice(span));
  w.Key("span");
  if (span.empty()) {
    w.Null();
  } else {
    write_span(w, cp, span);
  }
}

// A speaker or addressee: {"entity", "name", "text", "span"}, or null when neither is known.
void write_party(Writer& w, const CodepointIndex& cp, const Document& doc, Span span,
                 uint32_t entity) {
  if (span.empty() && (entity == kNoEntity || entity >= doc.entities.size())) {
    w.Null();
    return;
  }
  w.StartObject();
  write_party_fields(w, cp, doc, span, entity);
  w.EndObject();
}

// A cue or predicate: {"text", "lemma", "span"}.
void write_word(Writer& w, const CodepointIndex& cp, const Document& doc, Span span,
                std::string_view lemma) {
  w.StartObject();
  w.Key("text");
  write_string(w, doc.slice(span));
  w.Key("lemma");
  write_string(w, lemma);
  w.Key("span");
  write_span(w, cp, span);
  w.EndObject();
}

// The quotes layer (docs/schema.md#quotes). Pieces of a split quote are joined by " … ".
void write_quotes(Writer& w, const CodepointIndex& cp, const Document& doc) {
  w.Key("quotes");
  w.StartArray();
  for (size_t i = 0; i < doc.quotes.size(); ++i) {
    const Quote& q = doc.quotes[i];
    w.StartObject();
    w.Key("id");
    write_string(w, "q" + std::to_string(i + 1));
    w.Key("kind");
    w.String(quote_kind_name(q.kind));
    std::string content;
    for (const Span& s : q.content) {
      if (!content.empty()) content += " \u2026 ";
      content += doc.slice(s);
    }
    w.Key("content");
    write_string(w, content);
    w.Key("content_spans");
    w.StartArray();
    for (const Span& s : q.content) write_span(w, cp, s);
    w.EndArray();
    w.Key("speaker");
    write_party(w, cp, doc, q.speaker, q.speaker_entity);
    w.Key("cue");
    if (q.cue.empty()) {
      w.Null();
    } else {
      write_word(w, cp, doc, q.cue, q.cue_lemma);
    }
    w.Key("addressee");
    write_party(w, cp, doc, q.addressee, q.addressee_entity);
    w.EndObject();
  }
  w.EndArray();
}

// The places layer (docs/schema.md#places).
void write_places(Writer& w, const CodepointIndex& cp, const Document& doc) {
  w.Key("places");
  w.StartArray();
  for (size_t i = 0; i < doc.places.size(); ++i) {
    const Place& p = doc.places[i];
    w.StartObject();
    w.Key("id");
    write_string(w, "p" + std::to_string(i + 1));
    w.Key("text");
    write_string(w, doc.slice(p.span));
    w.Key("span");
    write_span(w, cp, p.span);
    w.Key("name");
    write_string(w, p.name);
    w.Key("country");
    write_string_or_null(w, p.country);
    w.Key("lat");
    w.Double(p.lat);
    w.Key("lon");
    w.Double(p.lon);
    w.Key("geonameid");
    if (p.geonameid == 0) {
      w.Null();
    } else {
      w.Uint(p.geonameid);
    }
    w.Key("feature");
    write_string_or_null(w, p.feature);
    w.Key("basis");
    write_string(w, place_basis_name(p.basis));
    w.Key("entity");
    if (p.mention < doc.mentions.size()) {
      write_string(w, "e" + std::to_string(doc.mentions[p.mention].entity + 1));
    } else {
      w.Null();
    }
    w.EndObject();
  }
  w.EndArray();
}

// One side of an event: {"actor", "entity", "name", "text", "span"}.
void write_event_party(Writer& w, const CodepointIndex& cp, const Document& doc,
                       const EventParty& party) {
  w.StartObject();
  w.Key("actor");
  write_string_or_null(w, party.actor);
  write_party_fields(w, cp, doc, party.span, party.entity);
  w.EndObject();
}

// The events layer (docs/schema.md#events).
void write_events(Writer& w, const CodepointIndex& cp, const Document& doc) {
  w.Key("events");
  w.StartArray();
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& e = doc.events[i];
    w.StartObject();
    w.Key("id");
    write_string(w, "v" + std::to_string(i + 1));
    w.Key("code");
    write_string(w, e.code);
    w.Key("root");
    write_string(w, e.root);
    w.Key("label");
    write_string(w, e.label);
    w.Key("quad");
    w.Uint(e.quad);
    w.Key("goldstein");
    w.Double(e.goldstein);
    w.Key("plover");
    if (e.plover_type.empty()) {
      w.Null();
    } else {
      w.StartObject();
      w.Key("type");
      write_string(w, e.plover_type);
      w.Key("mode");
      write_string_or_null(w, e.plover_mode);
      w.EndObject();
    }
    w.Key("source");
    write_event_party(w, cp, doc, e.source);
    w.Key("target");
    if (e.has_target) {
      write_event_party(w, cp, doc, e.target);
    } else {
      w.Null();
    }
    w.Key("predicate");
    write_word(w, cp, doc, e.predicate, e.predicate_lemma);
    w.Key("negated");
    w.Bool(e.negated);
    w.Key("mood");
    w.String(event_mood_name(e.mood));
    w.Key("date");
    write_string_or_null(w, e.date);
    w.Key("date_basis");
    w.String(date_basis_name(e.date_basis));
    w.Key("place");
    if (e.place < doc.places.size()) {
      const Place& p = doc.places[e.place];
      w.StartObject();
      w.Key("id");
      write_string(w, "p" + std::to_string(e.place + 1));
      w.Key("name");
      write_string(w, p.name);
      w.Key("country");
      write_string_or_null(w, p.country);
      w.EndObject();
    } else {
      w.Null();
    }
    w.Key("quote");
    if (e.quote < doc.quotes.size()) {
      write_string(w, "q" + std::to_string(e.quote + 1));
    } else {
      w.Null();
    }
    w.Key("sentence");
    w.Uint(e.sentence);
    w.Key("evidence");
    w.StartArray();
    for (const Span& s : e.evidence) write_span(w, cp, s);
    w.EndArray();
    w.Key("confidence");
    // Three decimals: the float's binary noise ("0.6650000214576721") says nothing.
    w.Double(std::round(static_cast<double>(e.confidence) * 1000.0) / 1000.0);
    w.Key("pattern");
    write_string_or_null(w, e.pattern);
    w.EndObject();
  }
  w.EndArray();
}

class JsonlSink final : public Sink {
 public:
  JsonlSink(std::ostream& out, JsonOptions options) : out_(out), options_(options) {}

  Status write(const Document& doc) override {
    buffer_.Clear();
    Writer w(buffer_);
    const CodepointIndex cp(doc.text);
    w.StartObject();
    write_key(w, "casus");
    w.String(schema_version());
    write_key(w, "id");
    write_string(w, doc.id);
    write_key(w, "url");
    write_string_or_null(w, doc.url);
    write_key(w, "title");
    write_string_or_null(w, doc.title);
    write_key(w, "authors");
    w.StartArray();
    for (const auto& a : doc.authors) write_string(w, a);
    w.EndArray();
    write_key(w, "date");
    write_string_or_null(w, doc.date);
    write_key(w, "date_source");
    w.String(date_source_name(doc.date_source));
    write_key(w, "format");
    write_string_or_null(w, doc.format);
    write_key(w, "text");
    write_string(w, doc.text);
    write_key(w, "paragraphs");
    w.StartArray();
    for (const auto& p : doc.paragraphs) write_span(w, cp, p.span);
    w.EndArray();
    write_key(w, "sentences");
    w.StartArray();
    for (const auto& s : doc.sentences) write_span(w, cp, s.span);
    w.EndArray();
    if (options_.tokens) {
      write_key(w, "tokens");
      w.StartArray();
      const bool has_syntax = doc.syntax.size() == doc.tokens.size();
      for (size_t i = 0; i < doc.tokens.size(); ++i) {
        const Token& t = doc.tokens[i];
        w.StartObject();
        write_key(w, "span");
        write_span(w, cp, t.span);
        write_key(w, "sentence");
        w.Uint(t.sentence);
        if (has_syntax) {
          const TokenSyntax& sy = doc.syntax[i];
          write_key(w, "upos");
          write_string(w, sy.upos);
          write_key(w, "xpos");
          write_string(w, sy.xpos);
          write_key(w, "lemma");
          write_string(w, sy.lemma);
          write_key(w, "feats");
          write_string_or_null(w, sy.feats);
          write_key(w, "head");
          if (sy.head == kNoHead) {
            w.Null();
          } else {
            w.Uint(sy.head);
          }
          write_key(w, "deprel");
          write_string(w, sy.deprel);
        }
        w.EndObject();
      }
      w.EndArray();
    }
    write_key(w, "times");
    w.StartArray();
    for (const auto& t : doc.times) {
      w.StartObject();
      write_key(w, "text");
      write_string(w, doc.slice(t.span));
      write_key(w, "span");
      write_span(w, cp, t.span);
      write_key(w, "type");
      w.String(timex_type_name(t.type));
      write_key(w, "value");
      write_string(w, t.value);
      write_key(w, "anchor");
      w.String(time_anchor_name(t.anchor));
      w.EndObject();
    }
    w.EndArray();
    write_key(w, "entities");
    w.StartArray();
    for (size_t i = 0; i < doc.entities.size(); ++i) {
      const Entity& e = doc.entities[i];
      w.StartObject();
      write_key(w, "id");
      write_string(w, "e" + std::to_string(i + 1));
      write_key(w, "type");
      w.String(entity_type_name(e.type));
      write_key(w, "name");
      write_string(w, e.name);
      write_key(w, "actor");
      if (e.actor_code.empty()) {
        w.Null();
      } else {
        w.StartObject();
        write_key(w, "code");
        write_string(w, e.actor_code);
        write_key(w, "country");
        write_string_or_null(w, e.actor_country);
        write_key(w, "role");
        write_string_or_null(w, e.actor_role);
        write_key(w, "basis");
        write_string(w, e.actor_basis);
        write_key(w, "lexicon_id");
        write_string_or_null(w, e.actor_id);
        w.EndObject();
      }
      write_key(w, "mentions");
      w.StartArray();
      for (uint32_t mi : e.mentions) {
        const Mention& m = doc.mentions[mi];
        w.StartObject();
        write_key(w, "text");
        write_string(w, doc.slice(m.span));
        write_key(w, "span");
        write_span(w, cp, m.span);
        write_key(w, "kind");
        w.String(mention_kind_name(m.kind));
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    write_quotes(w, cp, doc);
    write_places(w, cp, doc);
    write_events(w, cp, doc);
    write_key(w, "meta");
    w.StartObject();
    for (const auto& m : doc.meta) {
      write_string(w, m.key);
      w.RawValue(m.json.data(), m.json.size(), rapidjson::kObjectType);
    }
    w.EndObject();
    write_key(w, "errors");
    w.StartArray();
    for (const auto& e : doc.errors) {
      w.StartObject();
      write_key(w, "stage");
      write_string(w, e.stage);
      write_key(w, "message");
      write_string(w, e.message);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    out_.write(buffer_.GetString(), static_cast<std::streamsize>(buffer_.GetSize()));
    out_.put('\n');
    if (!out_) return Status::io_error("cannot write output");
    return Status::ok();
  }

  Status finish() override {
    out_.flush();
    return out_ ? Status::ok() : Status::io_error("cannot write output");
  }

 private:
  std::ostream& out_;
  JsonOptions options_;
  rapidjson::StringBuffer buffer_;
};

class ConlluSink final : public Sink {
 public:
  explicit ConlluSink(std::ostream& out) : out_(out) {}

  Status write(const Document& doc) override {
    std::string s;
    s += "# newdoc id = " + one_line(doc.id) + "\n";
    uint32_t last_paragraph = UINT32_MAX;
    for (size_t i = 0; i < doc.sentences.size(); ++i) {
      const Sentence& sent = doc.sentences[i];
      if (sent.paragraph != last_paragraph) {
        s += "# newpar\n";
        last_paragraph = sent.paragraph;
      }
      s += "# sent_id = " + one_line(doc.id) + "-" + std::to_string(i + 1) + "\n";
      s += "# text = " + one_line(doc.slice(sent.span)) + "\n";
      for (uint32_t t = sent.first_token; t < sent.end_token; ++t) {
        const Token& tok = doc.tokens[t];
        s += std::to_string(t - sent.first_token + 1);
        s += '\t';
        s += one_line(doc.slice(tok.span));
        if (doc.syntax.size() == doc.tokens.size()) {
          const TokenSyntax& sy = doc.syntax[t];
          const uint32_t head = sy.head == kNoHead ? 0 : sy.head - sent.first_token + 1;
          for (const std::string* col : {&sy.lemma, &sy.upos, &sy.xpos, &sy.feats}) {
            s += '\t';
            s += col->empty() ? "_" : one_line(*col);
          }
          s += '\t' + std::to_string(head) + '\t' + (sy.deprel.empty() ? "_" : sy.deprel) + "\t_\t";
        } else {
          s += "\t_\t_\t_\t_\t_\t_\t_\t";
        }
        s += tok.space_after ? "_" : "SpaceAfter=No";
        s += '\n';
      }
      s += '\n';
    }
    out_ << s;
    if (!out_) return Status::io_error("cannot write output");
    return Status::ok();
  }

  Status finish() override {
    out_.flush();
    return out_ ? Status::ok() : Status::io_error("cannot write output");
  }

 private:
  // CoNLL-U fields and comments are single-line.
  static std::string one_line(std::string_view v) {
    std::string r(v);
    for (char& c : r) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    return r;
  }
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Sink> make_jsonl_sink(std::ostream& out, JsonOptions options) {
  return std::make_unique<JsonlSink>(out, options);
}

std::unique_ptr<Sink> make_conllu_sink(std::ostream& out) { return std::make_unique<ConlluSink>(out); }

}  // namespace casus
