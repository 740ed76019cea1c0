// aftersales-generate: writes realistic after-sales data (customers, models, units 表1,
// tickets 表3) for the importer's tests (small files) and benchmarks (large ones), as UTF-8 CSV,
// GB18030 CSV or .xlsx. Deterministic: the same arguments give byte-identical files. Parses the
// arguments, hands off to the datasets and writers in generator/, maps errors to exit codes
// (0 done, 1 cannot write, 2 usage).
#include <CLI/CLI.hpp>

#include <cstdint>
#include <cstdio>
#include <exception>
#include <iostream>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "generator/datasets.h"
#include "generator/table_writer.h"

namespace {

using aftersales::bench::DatasetOptions;
using aftersales::bench::Entity;
using aftersales::bench::HeaderLanguage;
using aftersales::bench::TextEncoding;

enum class Format { kCsv, kXlsx };

// Above this many rows an .xlsx is written in constant_memory mode unless asked for anyway.
constexpr std::uint64_t kConstantMemoryRows = 100000;
constexpr std::uint64_t kMaxXlsxRows = 1048575;

struct GenerateRequest {
  Entity entity = Entity::kTickets;
  std::uint64_t rows = 0;
  DatasetOptions dataset;
  Format format = Format::kCsv;
  bool format_given = false;
  TextEncoding encoding = TextEncoding::kUtf8;
  HeaderLanguage headers = HeaderLanguage::kEnglish;
  bool bom = false;
  bool lf = false;
  bool constant_memory = false;
  std::string output;
};

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Checks the combinations CLI11 cannot; throws CLI::ValidationError naming the option.
void check_request(GenerateRequest& request) {
  if (!request.format_given && ends_with(request.output, ".xlsx")) request.format = Format::kXlsx;
  if (request.format == Format::kXlsx) {
    if (request.encoding != TextEncoding::kUtf8) {
      throw CLI::ValidationError("--encoding", "an .xlsx is always UTF-8 inside");
    }
    if (request.bom || request.lf) {
      throw CLI::ValidationError("--bom/--lf", "only for --format csv");
    }
    if (request.output == "-") {
      throw CLI::ValidationError("-o", "an .xlsx needs a file, not standard output");
    }
    if (request.rows > kMaxXlsxRows) {
      throw CLI::ValidationError("--rows", "an .xlsx worksheet holds at most 1048575 rows");
    }
  }
  if (request.bom && request.encoding != TextEncoding::kUtf8) {
    throw CLI::ValidationError("--bom", "a BOM is written for UTF-8 only");
  }
}

// Writes the file; throws std::runtime_error when it cannot.
void generate(const GenerateRequest& request) {
  using namespace aftersales::bench;
  std::unique_ptr<TableWriter> writer;
  if (request.format == Format::kXlsx) {
    XlsxOptions options;
    options.sheet = entity_name(request.entity);
    options.constant_memory = request.constant_memory || request.rows > kConstantMemoryRows;
    writer = make_xlsx_writer(request.output, options);
  } else {
    CsvOptions options;
    options.encoding = request.encoding;
    options.bom = request.bom;
    options.crlf = !request.lf;
    writer = make_csv_writer(request.output, options);
  }
  writer->write_header(columns_of(request.entity), request.headers);
  std::vector<Cell> row;
  for (std::uint64_t index = 0; index < request.rows; ++index) {
    fill_row(request.entity, request.dataset, index, row);
    writer->write_row(row);
  }
  writer->finish();
}

}  // namespace

int main(int argc, char** argv) {
  GenerateRequest request;
  request.dataset.models = aftersales::bench::catalogue_size();
  CLI::App app{
      "aftersales-generate: deterministic, realistic after-sales data for tests and benchmarks",
      "aftersales-generate"};
  app.footer(
      "Examples:\n"
      "  aftersales-generate customers --rows 1000 -o customers.csv\n"
      "  aftersales-generate models --rows 27 -o models.csv\n"
      "  aftersales-generate units --rows 10000 -o units.csv\n"
      "  aftersales-generate tickets --rows 1000000 --units 10000 -o tickets.csv\n"
      "  aftersales-generate units --rows 20 --customers 5 --headers zh --encoding gb18030 "
      "-o units-gb.csv\n\n"
      "Exit codes: 0 done, 1 cannot write the file, 2 usage.");

  const std::map<std::string, Entity> entities = {{"customers", Entity::kCustomers},
                                                  {"models", Entity::kModels},
                                                  {"units", Entity::kUnits},
                                                  {"tickets", Entity::kTickets}};
  const std::map<std::string, Format> formats = {{"csv", Format::kCsv}, {"xlsx", Format::kXlsx}};
  const std::map<std::string, TextEncoding> encodings = {{"utf-8", TextEncoding::kUtf8},
                                                         {"gb18030", TextEncoding::kGb18030}};
  const std::map<std::string, HeaderLanguage> languages = {{"en", HeaderLanguage::kEnglish},
                                                           {"zh", HeaderLanguage::kChinese}};
  const auto names_of = [](const auto& choices) {
    std::vector<std::string> names;
    for (const auto& choice : choices) names.push_back(choice.first);
    return names;
  };
  const auto at_least_one = CLI::Range(std::uint64_t{1}, std::numeric_limits<std::uint64_t>::max());

  app.add_option_function<std::string>(
         "ENTITY", [&](const std::string& value) { request.entity = entities.at(value); },
         "customers, models, units or tickets")
      ->required()
      ->check(CLI::IsMember(names_of(entities)));
  app.add_option("--rows", request.rows, "data rows to write (the header comes on top)")
      ->required();
  app.add_option("--seed", request.dataset.seed, "the seed: same seed, same data")
      ->capture_default_str();
  app.add_option_function<std::string>(
         "--format",
         [&](const std::string& value) {
           request.format = formats.at(value);
           request.format_given = true;
         },
         "csv or xlsx (default: xlsx when FILE ends in .xlsx, else csv)")
      ->check(CLI::IsMember(names_of(formats)));
  app.add_option_function<std::string>(
         "--encoding", [&](const std::string& value) { request.encoding = encodings.at(value); },
         "CSV encoding: utf-8 (default) or gb18030")
      ->check(CLI::IsMember(names_of(encodings)));
  app.add_option_function<std::string>(
         "--headers", [&](const std::string& value) { request.headers = languages.at(value); },
         "header names: en (default) or zh")
      ->check(CLI::IsMember(names_of(languages)));
  app.add_option("--customers", request.dataset.customers, "units: owners are customers rows 1..N")
      ->capture_default_str()
      ->check(at_least_one);
  app.add_option("--models", request.dataset.models, "units and tickets: models rows 1..N")
      ->capture_default_str()
      ->check(at_least_one);
  app.add_option("--units", request.dataset.units, "tickets: ticket i is about units row (i mod N)")
      ->capture_default_str()
      ->check(at_least_one);
  app.add_flag("--bom", request.bom, "CSV: start with a UTF-8 BOM (Excel's \"CSV UTF-8\")");
  app.add_flag("--lf", request.lf, "CSV: end records with LF instead of CRLF");
  app.add_flag("--constant-memory", request.constant_memory,
               "xlsx: libxlsxwriter's constant_memory mode (inline strings); on by itself above "
               "100000 rows");
  app.add_option("-o,--output", request.output, "the file to write (\"-\": standard output, CSV)")
      ->required();

  try {
    app.parse(argc, argv);
    check_request(request);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  try {
    generate(request);
  } catch (const std::exception& e) {
    std::cerr << "aftersales-generate: error: " << e.what() << '\n';
    if (request.output != "-") std::remove(request.output.c_str());
    return 1;
  }
  return 0;
}
