# casus_embed_data: compiles one data file into a static library as a generated .cc holding its
# bytes (tools/embed_file.cc, target casus_embed_file, defined in tools/CMakeLists.txt; target
# names are global, so callers anywhere may use it). Every model, lexicon and gazetteer that casus
# carries inside its binaries goes through this one function.
#
#   casus_embed_data(TARGET lib FILE path OUTPUT generated.cc NAMESPACE ns SYMBOL name
#                    [OPTIONAL] [COMMENT text])
#
# OPTIONAL: a missing FILE embeds as empty (the stage then falls back to its rules), so a checkout
# without that file still builds; without it, a missing file is a build error of the command.
# The embedded bytes are one long string literal, beyond the 65,536 characters -Wpedantic asks of
# portable code; GCC and Clang accept it. A custom target orders the generation before the
# library, which also works when the caller is in another directory than the library.

function(casus_embed_data)
  cmake_parse_arguments(ARG "OPTIONAL" "TARGET;FILE;OUTPUT;NAMESPACE;SYMBOL;COMMENT" "" ${ARGN})
  foreach(_required TARGET FILE OUTPUT NAMESPACE SYMBOL)
    if(NOT ARG_${_required})
      message(FATAL_ERROR "casus_embed_data: ${_required} is required")
    endif()
  endforeach()
  set(_depends casus_embed_file)
  if(NOT ARG_OPTIONAL OR EXISTS ${ARG_FILE})
    list(APPEND _depends ${ARG_FILE})
  endif()
  if(NOT ARG_COMMENT)
    set(ARG_COMMENT "Embedding ${ARG_FILE}")
  endif()
  get_filename_component(_dir ${ARG_OUTPUT} DIRECTORY)
  add_custom_command(
    OUTPUT ${ARG_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${_dir}
    COMMAND casus_embed_file ${ARG_FILE} ${ARG_OUTPUT} ${ARG_NAMESPACE} ${ARG_SYMBOL}
    DEPENDS ${_depends}
    COMMENT "${ARG_COMMENT}"
    VERBATIM)
  add_custom_target(${ARG_TARGET}_${ARG_SYMBOL}_data DEPENDS ${ARG_OUTPUT})
  set_source_files_properties(${ARG_OUTPUT} TARGET_DIRECTORY ${ARG_TARGET} PROPERTIES
                              COMPILE_OPTIONS -Wno-overlength-strings)
  target_sources(${ARG_TARGET} PRIVATE ${ARG_OUTPUT})
  add_dependencies(${ARG_TARGET} ${ARG_TARGET}_${ARG_SYMBOL}_data)
endfunction()
