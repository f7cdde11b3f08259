# casus's own event lexicon compiled into casus_events (docs/events.md#lexicon). Included from
# the top CMakeLists.txt after casus_library(casus_events ...).
#
# Each of data/events/{cameo,verbs,nouns}.tsv becomes a generated .cc holding its bytes
# (tools/embed_file.cc, target casus_embed_file, defined in tools/CMakeLists.txt), parsed once
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
  set(_depends casus_embed_file)
  if(EXISTS ${_tsv})
    list(APPEND _depends ${_tsv})
  endif()
  add_custom_command(
    OUTPUT ${_cc}
    COMMAND casus_embed_file ${_tsv} ${_cc} casus::events ${_symbol}
    DEPENDS ${_depends}
    COMMENT "Embedding data/events/${_name}.tsv"
    VERBATIM)
  set_source_files_properties(${_cc} PROPERTIES COMPILE_OPTIONS -Wno-overlength-strings)
  target_sources(casus_events PRIVATE ${_cc})
endforeach()
