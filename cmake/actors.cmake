# Actor knowledge compiled into casus_entities (docs/actors.md). Included from the top
# CMakeLists.txt right after casus_library(casus_entities ...).
#
#  - tools/gen_countries.cc (target casus_gen_countries, defined in tools/CMakeLists.txt) turns
#    the npm packages world-countries and i18n-iso-countries (installed into node_modules/ by
#    scripts/install-deps) into countries_data.cc;
#  - the same tool (--embed) turns data/actors/*.tsv into actor_lexicon_data.cc, one string
#    literal per line, parsed once when the ActorCoder is built.
# Both outputs live in the build folder only; they are never committed or edited.

set(CASUS_NODE_MODULES ${CMAKE_SOURCE_DIR}/node_modules)
set(CASUS_WORLD_COUNTRIES_JSON ${CASUS_NODE_MODULES}/world-countries/countries.json)
set(CASUS_I18N_EN_JSON ${CASUS_NODE_MODULES}/i18n-iso-countries/langs/en.json)
foreach(_f ${CASUS_WORLD_COUNTRIES_JSON} ${CASUS_I18N_EN_JSON})
  if(NOT EXISTS ${_f})
    message(FATAL_ERROR
      "casus: ${_f} is missing: the npm data packages are not installed.\n"
      "Run scripts/install-deps (`make build` runs it) and configure again.")
  endif()
endforeach()

# The generator target casus_gen_countries (tools/gen_countries.cc) is defined in
# tools/CMakeLists.txt; target names are global, so the commands below may use it here.

set(CASUS_ENTITIES_GEN_DIR ${CMAKE_BINARY_DIR}/generated/entities)
file(MAKE_DIRECTORY ${CASUS_ENTITIES_GEN_DIR})

add_custom_command(
  OUTPUT ${CASUS_ENTITIES_GEN_DIR}/countries_data.cc
  COMMAND casus_gen_countries ${CASUS_WORLD_COUNTRIES_JSON} ${CASUS_I18N_EN_JSON}
          ${CASUS_ENTITIES_GEN_DIR}/countries_data.cc
  DEPENDS casus_gen_countries ${CASUS_WORLD_COUNTRIES_JSON} ${CASUS_I18N_EN_JSON}
  COMMENT "Compiling npm country data (world-countries, i18n-iso-countries)"
  VERBATIM)

file(GLOB CASUS_ACTOR_TSVS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/data/actors/*.tsv)
add_custom_command(
  OUTPUT ${CASUS_ENTITIES_GEN_DIR}/actor_lexicon_data.cc
  COMMAND casus_gen_countries --embed ${CASUS_ENTITIES_GEN_DIR}/actor_lexicon_data.cc
          ${CASUS_ACTOR_TSVS}
  DEPENDS casus_gen_countries ${CASUS_ACTOR_TSVS}
  COMMENT "Embedding the actor lexicon (data/actors/*.tsv)"
  VERBATIM)

target_sources(casus_entities PRIVATE
  ${CASUS_ENTITIES_GEN_DIR}/countries_data.cc
  ${CASUS_ENTITIES_GEN_DIR}/actor_lexicon_data.cc)
