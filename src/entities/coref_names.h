// Given names with their usual gender, for pronoun agreement in coreference and as a gazetteer
// feature of the NER tagger. casus's own list (common English given names plus names frequent in
// international news). Pure data; thread-safe.
#ifndef CASUS_ENTITIES_COREF_NAMES_H_
#define CASUS_ENTITIES_COREF_NAMES_H_

#include <span>
#include <string_view>

namespace casus::entities {

enum class Gender : unsigned char { kUnknown, kMale, kFemale };

struct GivenName {
  const char* name;  // as written, capitalized ("Antony")
  Gender gender;
};

// Every listed name, in no particular order.
std::span<const GivenName> given_names();
// The gender of a capitalized given name ("Karine" -> kFemale); kUnknown when not listed.
// Case-sensitive on the first letter.
Gender gender_of_given_name(std::string_view name);

}  // namespace casus::entities

#endif  // CASUS_ENTITIES_COREF_NAMES_H_
