// Full-text search through the core and the store (issue 16), on SQLite and, when the suites
// run there, PostgreSQL: every kind of record found by its text, newest first, the filters,
// the index kept in step with every write, and each engine's answer checked against the
// tokenizer's own (matches_all) over queries of one, two, three and more characters.
#include "aftersales/search/search.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "aftersales/care/complaints.h"
#include "aftersales/models/models.h"
#include "aftersales/tickets/tickets.h"
#include "aftersales/units/units.h"
#include "aftersales/visits/visits.h"
#include "care/care_world.h"
#include "support/expect_error.h"

using namespace aftersales;
using testing::CareWorld;
using testing::expect_error;
using testing::kInWarranty;
using testing::kNewUnit;
using testing::kOutOfWarranty;

namespace {

struct SearchWorld : CareWorld {
  // Opens a ticket on `serial` reported at `when` (local time) with `description`.
  std::string open_with(const std::string& serial, const std::string& when,
                        const std::string& description, const std::string& category = "液压系统") {
    Context ctx = context("zhang");
    TicketIntake intake;
    intake.unit = serial;
    intake.category = category;
    intake.channel = "phone";
    intake.description = description;
    intake.reported_at = when;
    return open_ticket(ctx, intake).number;
  }

  std::vector<SearchHit> find(const std::string& text, SearchRequest request = {}) {
    Context ctx = context("zhang");
    request.text = text;
    return search_records(ctx, request);
  }

  std::vector<std::string> records(const std::string& text, SearchRequest request = {}) {
    std::vector<std::string> out;
    for (const SearchHit& hit : find(text, std::move(request))) out.push_back(hit.record);
    return out;
  }
};

using Records = std::vector<std::string>;

}  // namespace

TEST_CASE("a ticket is found by its description, newest first, with the text that matched") {
  SearchWorld world;
  const std::string older = world.open_with(kInWarranty, "2026-11-01T09:00:00", "液压泵异响");
  const std::string newer = world.open_with(kOutOfWarranty, "2026-11-20T09:00:00", "取力器异响");
  world.open_with(kInWarranty, "2026-11-10T09:00:00", "扫刷不转");

  CHECK(world.records("异响") == Records{newer, older});
  CHECK(world.records("液压泵异响") == Records{older});
  CHECK(world.records("漏油").empty());

  const std::vector<SearchHit> hits = world.find("液压泵");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].kind == "ticket");
  CHECK(hits[0].unit == kInWarranty);
  CHECK(hits[0].model == "HYS5160");
  CHECK(hits[0].customer == "C001");
  CHECK(hits[0].category == "液压系统");
  REQUIRE(hits[0].fields.size() == 1);
  CHECK(hits[0].fields[0].name == "description");
  REQUIRE(hits[0].fields[0].matches.size() == 1);
  CHECK(hits[0].fields[0].matches[0].begin == 0);
  CHECK(hits[0].fields[0].matches[0].end == 9);  // 液压泵: three characters of three bytes
  CHECK(hits[0].fix.empty());
}

TEST_CASE("the analysis and the work record are searched, and the work done is the fix") {
  SearchWorld world;
  const std::string number = world.open_with(kInWarranty, "2026-11-01T09:00:00", "扫刷不转");
  CHECK(world.records("磨损").empty());
  world.analyse(number);  // 液压泵磨损, 需更换
  CHECK(world.records("磨损") == Records{number});
  CHECK(world.records("试车").empty());
  world.start(number);
  world.record(number, "2026-11-27T08:00:00", "2026-11-27T09:30:00");  // 更换液压泵, 试车正常
  const std::vector<SearchHit> hits = world.find("试车");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].fix == "更换液压泵, 试车正常");
  REQUIRE(hits[0].fixed_at.has_value());
  // What matched and the fix: the description did not match.
  CHECK(hits[0].fields.back().name == "work_done");
  CHECK_FALSE(hits[0].fields.back().matches.empty());
  CHECK(hits[0].fields.front().matches.empty());
}

TEST_CASE("unit notes, visit suggestions and complaints are found too") {
  SearchWorld world;
  Context clerk = world.context("zhang");
  add_unit_note(clerk, kInWarranty, "quality", "液压油管渗油");

  VisitRequest visit;
  visit.unit = kNewUnit;
  visit.reason = "shipment";
  visit.scores = "5,4,5,4,5";
  visit.suggestion = "建议油管加护套";
  visit.at = "2026-11-20T10:00:00";
  const Visit recorded = record_visit(clerk, visit);

  ComplaintFields complaint;
  complaint.customer = "C001";
  complaint.category = "产品质量";
  complaint.text = "新车油管渗油";
  complaint.unit = kInWarranty;
  complaint.at = "2026-11-21T10:00:00";
  const Complaint opened = open_complaint(clerk, complaint);

  const std::vector<SearchHit> hits = world.find("油管");
  REQUIRE(hits.size() == 3);
  // Newest first: the note (now, 2026-11-27), the complaint, the visit.
  CHECK(hits[0].kind == "note");
  CHECK(hits[0].record == kInWarranty);
  CHECK(hits[0].state == "quality");
  CHECK(hits[1].kind == "complaint");
  CHECK(hits[1].record == opened.number);
  CHECK(hits[1].state == "open");
  CHECK(hits[2].kind == "visit");
  CHECK(hits[2].record == recorded.number);
  CHECK(hits[2].customer == "C003");

  // Closing the complaint makes its resolution searchable, and the fix.
  close_complaint(clerk, opened.number, "更换油管卡箍", "刘强", "");
  const std::vector<SearchHit> closed = world.find("卡箍");
  REQUIRE(closed.size() == 1);
  CHECK(closed[0].fix == "更换油管卡箍");
  CHECK(closed[0].state == "closed");
}

TEST_CASE("the filters: model, category, unit, customer, since and limit") {
  SearchWorld world;
  const std::string a = world.open_with(kInWarranty, "2026-10-01T09:00:00", "漏油");
  const std::string b = world.open_with(kOutOfWarranty, "2026-11-01T09:00:00", "漏油", "底盘");
  const std::string c = world.open_with(kNewUnit, "2026-11-15T09:00:00", "漏油");

  SearchRequest request;
  request.unit = kInWarranty;
  CHECK(world.records("漏油", request) == Records{a});
  request = {};
  request.customer = "C003";
  CHECK(world.records("漏油", request) == Records{c});
  request = {};
  request.category = "底盘";
  CHECK(world.records("漏油", request) == Records{b});
  request = {};
  request.model = "HYS5160";
  CHECK(world.records("漏油", request) == Records{c, b, a});
  request = {};
  request.since = testing::day("2026-11-01");  // that day counts
  CHECK(world.records("漏油", request) == Records{c, b});
  request = {};
  request.limit = 2;
  CHECK(world.records("漏油", request) == Records{c, b});

  Context ctx = world.context("zhang");
  request = {};
  request.text = "漏油";
  request.model = "NOPE";
  expect_error(ErrorCode::kNotFound, {"NOPE"}, [&] { search_records(ctx, request); });
  request.model.reset();
  request.unit = "NOPE-1";
  expect_error(ErrorCode::kNotFound, {"NOPE-1"}, [&] { search_records(ctx, request); });
  request.unit.reset();
  request.customer = "C999";
  expect_error(ErrorCode::kNotFound, {"C999"}, [&] { search_records(ctx, request); });
  request.customer.reset();
  request.limit = 0;
  expect_error(ErrorCode::kInvalidInput, {"--limit 0", "1 and 1000"},
               [&] { search_records(ctx, request); });
  request.limit = 1001;
  expect_error(ErrorCode::kInvalidInput, {"--limit 1001"}, [&] { search_records(ctx, request); });
  request.limit = 20;
  request.text = "，。 !";
  expect_error(ErrorCode::kInvalidInput, {"no word or character"},
               [&] { search_records(ctx, request); });
}

TEST_CASE("an edited analysis is found by its new text only") {
  SearchWorld world;
  const std::string number = world.open_with(kInWarranty, "2026-11-01T09:00:00", "扫刷不转");
  world.analyse(number);
  CHECK(world.records("磨损") == Records{number});
  Context technician = world.context("ma");
  analyse_ticket(technician, number, "溢流阀卡滞", false, false);
  CHECK(world.records("磨损").empty());
  CHECK(world.records("溢流阀") == Records{number});
}

TEST_CASE("each engine finds exactly the records the tokenizer says match") {
  SearchWorld world;
  const std::vector<std::string> texts = {"液压泵异响，油温高",
                                          "取力器异响",
                                          "左后桥断轴",
                                          "漏油",
                                          "液压油管漏油",
                                          "液压油泵渗油",
                                          "E3故障码，发动机无法启动",
                                          "故障E30 报警",
                                          "Hydraulic pump noise",
                                          "pumps leaking oil",
                                          "ＰＴＯ取力器不工作",
                                          "3号泵(左)异响",
                                          "异常响声",
                                          "泵",
                                          "电气系统短路 fuse blown"};
  for (std::size_t i = 0; i < texts.size(); ++i) {
    world.open_with(i % 2 == 0 ? kInWarranty : kOutOfWarranty,
                    fmt::format("2026-11-{:02}T09:00:00", i + 1), texts[i]);
  }
  const std::vector<std::string> queries = {
      "泵",       "响",        "油",         "异响",       "漏油",      "断轴",
      "液压泵",   "液压油",    "液压泵异响", "取力器异响", "E3",        "e3故障",
      "故障E3",   "pump",      "pumps",      "PUMP oil",   "pto取力器", "3号泵",
      "泵（左）", "异响 液压", "fuse",       "短路fuse",   "无此故障"};
  for (const std::string& query : queries) {
    INFO("query: " << query);
    const std::vector<search::QueryPhrase> phrases = search::query_phrases(query);
    Records expected;  // newest first: the texts were reported a day apart, in order
    for (std::size_t i = texts.size(); i-- > 0;) {
      if (search::matches_all({texts[i]}, phrases)) expected.push_back(texts[i]);
    }
    Records found;
    for (const SearchHit& hit : world.find(query, [] {
           SearchRequest r;
           r.limit = 100;
           return r;
         }())) {
      found.push_back(hit.fields.front().text);
    }
    CHECK(found == expected);
  }
}

TEST_CASE("similar repairs: the same model and category, closest first, closed ones only") {
  SearchWorld world;
  const auto repaired = [&](const std::string& when, const std::string& description) {
    const std::string number = world.open_with(kInWarranty, when, description);
    world.analyse(number);
    world.start(number);
    world.record(number, "2026-11-27T08:00:00", "2026-11-27T09:30:00");
    return number;
  };
  const std::string close = repaired("2026-09-01T09:00:00", "液压泵异响，油温高");
  const std::string closer = repaired("2026-09-02T09:00:00", "液压泵异响");
  const std::string far = repaired("2026-09-03T09:00:00", "扫刷电机不转");
  // Open (no work record), another category: not listed.
  world.open_with(kOutOfWarranty, "2026-09-04T09:00:00", "液压泵异响");
  world.open_with(kOutOfWarranty, "2026-09-05T09:00:00", "液压泵异响", "底盘");

  const std::string today = world.open_with(kOutOfWarranty, "2026-11-26T09:00:00", "液压泵有异响");
  Context ctx = world.context("zhang");
  const std::vector<SearchHit> similar = similar_repairs(ctx, today, 5);
  // Each repair was analysed 液压泵磨损, 需更换: even the brushes' shares 液压 and 压泵.
  REQUIRE(similar.size() == 3);
  CHECK(similar[0].record == closer);
  CHECK(similar[1].record == close);
  CHECK(similar[2].record == far);
  CHECK(similar[0].similarity_bp > similar[1].similarity_bp);
  CHECK(similar[0].fix == "更换液压泵, 试车正常");
  CHECK(similar_repairs(ctx, today, 1).size() == 1);
  expect_error(ErrorCode::kNotFound, {"SR-2099"},
               [&] { similar_repairs(ctx, "SR-2099-000001", 5); });
}
