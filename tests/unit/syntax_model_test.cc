#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "syntax/conllu.h"
#include "syntax/model.h"
#include "syntax/train.h"

namespace casus::syntax {
namespace {

const char kTreebank[] =
    "# text = John saw a dog.\n"
    "1\tJohn\tJohn\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_\n"
    "2\tsaw\tsee\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\t_\n"
    "3\ta\ta\tDET\tDT\tDefinite=Ind|PronType=Art\t4\tdet\t_\t_\n"
    "4\tdog\tdog\tNOUN\tNN\tNumber=Sing\t2\tobj\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# text = Mary likes the cats.\n"
    "1\tMary\tMary\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_\n"
    "2\tlikes\tlike\tVERB\tVBZ\tMood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin\t0\troot\t_"
    "\t_\n"
    "3\tthe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t4\tdet\t_\t_\n"
    "4\tcats\tcat\tNOUN\tNNS\tNumber=Plur\t2\tobj\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n";

class SyntaxModelTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // ctest runs each test in its own process, in parallel: one file per process.
    path_ = (std::filesystem::temp_directory_path() /
             ("casus_syntax_model_test." + std::to_string(::getpid()) + ".conllu"))
                .string();
    std::ofstream(path_) << kTreebank;
    TrainOptions opt;
    opt.train_files = {path_};
    opt.tagger_epochs = 5;
    opt.parser_epochs = 5;
    opt.folds = 2;
    opt.prune = 0;
    opt.tagger_prune = 0;
    model_ = new SyntaxModel();
    ASSERT_TRUE(train_syntax(opt, model_).is_ok());
    bytes_ = new std::string(model_->to_bytes());
  }
  static void TearDownTestSuite() {
    std::filesystem::remove(path_);
    delete model_;
    delete bytes_;
  }
  static std::string path_;
  static SyntaxModel* model_;
  static std::string* bytes_;
};
std::string SyntaxModelTest::path_;
SyntaxModel* SyntaxModelTest::model_ = nullptr;
std::string* SyntaxModelTest::bytes_ = nullptr;

TEST_F(SyntaxModelTest, RoundTripAndAnnotate) {
  std::shared_ptr<const SyntaxModel> m;
  ASSERT_TRUE(SyntaxModel::from_bytes(*bytes_, &m).is_ok());
  EXPECT_NE(m->content_hash(), 0u);
  EXPECT_EQ(m->to_bytes(), *bytes_);
  const std::vector<std::string_view> forms = {"Mary", "likes", "the", "cats", "."};
  Workspace ws;
  std::vector<WordAnalysis> out;
  m->annotate(forms, ws, &out);
  ASSERT_EQ(out.size(), forms.size());
  int roots = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    EXPECT_LE(out[i].head, forms.size());
    EXPECT_NE(out[i].head, i + 1);
    roots += out[i].head == 0;
  }
  EXPECT_EQ(roots, 1);
  EXPECT_EQ(m->upos(out[2].tag), "DET");
  EXPECT_EQ(m->xpos(out[3].tag), "NNS");
  std::string lemma;
  m->lemma("likes", out[1].lemma_rule, &lemma);
  EXPECT_EQ(lemma, "like");
  // Empty sentences are fine.
  m->annotate({}, ws, &out);
  EXPECT_TRUE(out.empty());
}

// The Workspace keeps scratch rows between sentences: one reused across sentences of other
// lengths gives the same analyses as a fresh one, down to empty and one-word sentences.
TEST_F(SyntaxModelTest, WorkspaceReuseAndShortSentences) {
  std::shared_ptr<const SyntaxModel> m;
  ASSERT_TRUE(SyntaxModel::from_bytes(*bytes_, &m).is_ok());
  const std::vector<std::vector<std::string_view>> sentences = {
      {"Mary", "likes", "the", "cats", ".", "John", "saw", "a", "dog", "."},
      {"John"},
      {"John", "saw"},
      {},
      {"the", "cats", "saw", "Mary", "."},
      {"dog"}};
  Workspace reused;
  for (const auto& forms : sentences) {
    Workspace fresh;
    std::vector<WordAnalysis> a, b;
    m->annotate(forms, reused, &a);
    m->annotate(forms, fresh, &b);
    ASSERT_EQ(a.size(), forms.size());
    ASSERT_EQ(b.size(), forms.size());
    int roots = 0;
    for (size_t i = 0; i < forms.size(); ++i) {
      EXPECT_EQ(a[i].tag, b[i].tag);
      EXPECT_EQ(a[i].head, b[i].head);
      EXPECT_EQ(a[i].deprel, b[i].deprel);
      EXPECT_LE(a[i].head, forms.size());
      roots += a[i].head == 0;
    }
    if (!forms.empty()) {
      EXPECT_EQ(roots, 1);
    }
  }
}

TEST_F(SyntaxModelTest, RejectsBadMagic) {
  std::string b = *bytes_;
  b[0] = 'X';
  std::shared_ptr<const SyntaxModel> m;
  const Status st = SyntaxModel::from_bytes(b, &m);
  EXPECT_EQ(st.code(), Status::Code::kUnsupported);
  EXPECT_EQ(SyntaxModel::from_bytes("short", &m).code(), Status::Code::kUnsupported);
}

TEST_F(SyntaxModelTest, RejectsOtherVersion) {
  std::string b = *bytes_;
  const uint32_t v = kModelVersion + 1;
  std::memcpy(&b[8], &v, sizeof(v));
  std::shared_ptr<const SyntaxModel> m;
  const Status st = SyntaxModel::from_bytes(b, &m);
  EXPECT_EQ(st.code(), Status::Code::kUnsupported);
  EXPECT_NE(st.message().find("version"), std::string::npos);
}

TEST_F(SyntaxModelTest, RejectsHashMismatchAndTruncation) {
  std::string b = *bytes_;
  b[b.size() / 2] ^= 0x5a;
  std::shared_ptr<const SyntaxModel> m;
  Status st = SyntaxModel::from_bytes(b, &m);
  EXPECT_EQ(st.code(), Status::Code::kCorrupt);
  EXPECT_NE(st.message().find("hash"), std::string::npos);
  st = SyntaxModel::from_bytes(std::string_view(*bytes_).substr(0, bytes_->size() - 3), &m);
  EXPECT_EQ(st.code(), Status::Code::kCorrupt);
  EXPECT_EQ(SyntaxModel::load("/nonexistent/syntax.bin", &m).code(), Status::Code::kNotFound);
}

TEST_F(SyntaxModelTest, TrainingIsDeterministic) {
  TrainOptions opt;
  opt.train_files = {path_};
  opt.tagger_epochs = 5;
  opt.parser_epochs = 5;
  opt.folds = 2;
  opt.prune = 0;
  opt.tagger_prune = 0;
  SyntaxModel again;
  ASSERT_TRUE(train_syntax(opt, &again).is_ok());
  EXPECT_EQ(again.to_bytes(), *bytes_);
}

TEST_F(SyntaxModelTest, ClustersCopiedFromAModelFile) {
  // The clusters of the suite's model are learned from the same treebank, so copying them back
  // from its file reproduces the model byte for byte.
  const std::string model_path = path_ + ".bin";
  ASSERT_TRUE(model_->save(model_path).is_ok());
  TrainOptions opt;
  opt.train_files = {path_};
  opt.tagger_epochs = 5;
  opt.parser_epochs = 5;
  opt.folds = 2;
  opt.prune = 0;
  opt.tagger_prune = 0;
  opt.clusters_from = model_path;
  SyntaxModel copied;
  ASSERT_TRUE(train_syntax(opt, &copied).is_ok());
  EXPECT_TRUE(copied.to_bytes() == *bytes_);
  std::filesystem::remove(model_path);
  opt.clusters_from = model_path;  // now missing
  EXPECT_EQ(train_syntax(opt, &copied).code(), Status::Code::kNotFound);
}

TEST_F(SyntaxModelTest, AveragedParserSeeds) {
  TrainOptions opt;
  opt.train_files = {path_};
  opt.tagger_epochs = 5;
  opt.parser_epochs = 5;
  opt.folds = 2;
  opt.prune = 0;
  opt.tagger_prune = 0;
  opt.parser_seeds = 3;
  SyntaxModel a, b;
  ASSERT_TRUE(train_syntax(opt, &a).is_ok());
  ASSERT_TRUE(train_syntax(opt, &b).is_ok());
  EXPECT_TRUE(a.to_bytes() == b.to_bytes());  // deterministic
  // Same taggers; the averaged parser still yields one root and the training tree.
  EXPECT_EQ(a.tagger().num_weights(), model_->tagger().num_weights());
  a.finalize();
  const std::vector<std::string_view> forms = {"John", "saw", "a", "dog", "."};
  Workspace ws;
  std::vector<WordAnalysis> out;
  a.annotate(forms, ws, &out);
  ASSERT_EQ(out.size(), forms.size());
  const std::vector<uint32_t> heads = {2, 0, 4, 2, 2};
  for (size_t i = 0; i < out.size(); ++i) EXPECT_EQ(out[i].head, heads[i]) << i;
}

TEST(SyntaxConllu, ReadsRangesAndWritesBack) {
  const std::string data =
      "# sent_id = 1\n"
      "# text = I cannot go\n"
      "1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
      "2-3\tcannot\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\tcan\tcan\tAUX\tMD\t_\t4\taux\t_\t_\n"
      "3\tnot\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
      "4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
      "\n";
  std::vector<ConlluSentence> s;
  ASSERT_TRUE(parse_conllu(data, "x", &s).is_ok());
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].words.size(), 4u);
  ASSERT_EQ(s[0].ranges.size(), 1u);
  EXPECT_EQ(s[0].comment_value("text"), "I cannot go");
  EXPECT_FALSE(s[0].words[3].space_after());
  std::ostringstream out;
  write_conllu(s[0], out);
  EXPECT_EQ(out.str(), data);
  std::vector<ConlluSentence> bad;
  EXPECT_FALSE(parse_conllu("1\tx\n\n", "y", &bad).is_ok());
  EXPECT_FALSE(parse_conllu("1\ta\ta\tX\tX\t_\t9\tdep\t_\t_\n\n", "y", &bad).is_ok());
}

}  // namespace
}  // namespace casus::syntax
