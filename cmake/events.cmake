# casus's own event lexicon compiled into casus_events (docs/events.md#lexicon). Included from
# the top CMakeLists.txt after casus_library(casus_events ...).
#
# Each of data/events/{cameo,verbs,nouns}.tsv becomes a generated .cc holding its bytes
# (casus_embed_data, cmake/embed.cmake), parsed once
# when the EventCoder is built. A missing file embeds as empty, so a checkout without the lexicon
# still builds (and codes no events of its own). The glob re-runs CMake when a file appears.

set(CASUS_EVENTS_GEN_DIR ${CMAKE_BINARY_DIR}/generated/events)
file(MAKE_DIRECTORY ${CASUS_EVENTS_GEN_DIR})
file(GLOB _casus_event_tsvs CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/data/events/*.tsv)

foreach(_pair "cameo;kEventsCameoTsv" "verbs;kEventsVerbsTsv" "nouns;kEventsNounsTsv")
  list(GET _pair 0 _name)
  list(GET _pair 1 _symbol)
  set(_tsv ${CMAKE_SOURCE_DIR}/data/events/${_name}.tsv)
  set(_cc ${CASUS_EVENTS_GEN_DIR}/${_name}_tsv_data.cc)
  casus_embed_data(TARGET casus_events OPTIONAL FILE ${_tsv} OUTPUT ${_cc}
                   NAMESPACE casus::events SYMBOL ${_symbol}
                   COMMENT "Embedding data/events/${_name}.tsv")
endforeach()
