// How customer care reads on screen and in files: annual surveys (表9), complaints and
// suggestions (客户投诉), handover training (新车交接培训).
#pragma once

#include <string>
#include <vector>

#include "aftersales/care/complaints.h"
#include "aftersales/care/surveys.h"
#include "aftersales/care/training.h"
#include "aftersales/io/table.h"
#include "aftersales/rules/rules.h"

namespace aftersales::cli {

// `survey list`: one row per survey, with each score and whether it was recorded late.
Table survey_table(const std::vector<Survey>& surveys, const Rules& rules);
// `survey due`: the customers not yet surveyed, since when, and how late.
Table survey_due_table(const std::vector<SurveyDue>& due);
// "survey of C001 for 2026 recorded: 5,4,4,3,5"
std::string survey_text(const Survey& survey);

// `complaint list`: one row per complaint as of `today`.
Table complaint_table(const std::vector<Complaint>& complaints, const Rules& rules, Date today);
// `complaint show`: the whole complaint.
RecordView complaint_view(const Complaint& complaint, const Rules& rules, Date today);
// "complaint CP-2026-000001 (C001, 服务态度): opened, due by 2026-12-07"
std::string complaint_text(const Complaint& complaint, const std::string& what);

// `training list`: one row per training record.
Table training_table(const std::vector<TrainingRecord>& records);
// `training list --missing`: the units without a passed training past their window.
Table training_missing_table(const std::vector<TrainingMissing>& missing);
// "training of unit HY2026-0601 on 2026-06-05 by ma: passed"
std::string training_text(const TrainingRecord& record);

}  // namespace aftersales::cli
