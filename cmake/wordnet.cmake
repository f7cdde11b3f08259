# WordNet's morphological exception lists (Debian package wordnet-base, installed by
# scripts/install-deps) embedded into casus_syntax for the lemmatizer's unseen irregular forms
# ("fled" -> "flee"; docs/syntax.md). Included from the top CMakeLists.txt right after
# casus_library(casus_syntax ...). The lists are read at build time only: each of
# {verb,noun,adj}.exc becomes a generated .cc in the build folder (casus_embed_data, cmake/embed.cmake), never
# committed. Configuring fails when they are missing.

set(CASUS_WORDNET_DIR /usr/share/wordnet CACHE PATH "Folder with WordNet's *.exc lists")
set(CASUS_SYNTAX_GEN_DIR ${CMAKE_BINARY_DIR}/generated/syntax)
file(MAKE_DIRECTORY ${CASUS_SYNTAX_GEN_DIR})

foreach(_pair "verb;kWordnetVerbExc" "noun;kWordnetNounExc" "adj;kWordnetAdjExc")
  list(GET _pair 0 _pos)
  list(GET _pair 1 _symbol)
  set(_exc ${CASUS_WORDNET_DIR}/${_pos}.exc)
  if(NOT EXISTS ${_exc})
    message(FATAL_ERROR
      "casus: ${_exc} is missing: WordNet's exception lists (Debian package wordnet-base) are\n"
      "needed by the lemmatizer. Run scripts/install-deps (or apt-get install wordnet-base), or\n"
      "set -DCASUS_WORDNET_DIR=FOLDER, and configure again.")
  endif()
  set(_cc ${CASUS_SYNTAX_GEN_DIR}/wordnet_${_pos}_exc.cc)
  casus_embed_data(TARGET casus_syntax FILE ${_exc} OUTPUT ${_cc}
                   NAMESPACE casus::syntax SYMBOL ${_symbol}
                   COMMENT "Embedding WordNet ${_pos}.exc")
endforeach()
