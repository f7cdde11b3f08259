#include "pipeline_fixture.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "casus/engine.h"
#include "ingest/ingest.h"

namespace casus::test_support {
namespace {

const Engine& engine() {
  static const Engine shared;
  return shared;
}

}  // namespace

Document process_text(std::string text, std::string date) {
  Document doc;
  doc.id = "t";
  doc.date = std::move(date);
  doc.text = std::move(text);
  engine().process(doc);
  return doc;
}

Document process_sample_article() {
  const std::string path =
      std::string(CASUS_SOURCE_DIR) + "/examples/articles/kremlin-drone-2023-05-03.md";
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot read " << path;
  std::stringstream ss;
  ss << in.rdbuf();
  Document doc;
  ingest::read_markdown("kremlin-drone-2023-05-03.md", ss.str(), doc);
  engine().process(doc);
  return doc;
}

}  // namespace casus::test_support
