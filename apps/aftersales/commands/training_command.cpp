// aftersales training record|list: the handover training of delivered units (新车交接培训).
// The rules live in the core (care/training.h); this file parses, calls and renders.
#include "aftersales/care/training.h"
#include "aftersales/core/error.h"
#include "commands/registry.h"
#include "commands/verb.h"
#include "views/care_view.h"

namespace aftersales::cli {
namespace {

struct RecordRequest {
  TrainingFields fields;
  bool passed = false;
  bool failed = false;
};

struct ListRequest {
  std::string month;
  bool missing = false;
};

}  // namespace

void attach_training(CLI::App& family, Session& session) {
  add_verb<RecordRequest>(
      family, session,
      {"record",
       "record a unit's handover training (新车交接培训), passed or failed; a failed one may be "
       "retaken",
       "aftersales training record HY2026-0601 --date 2026-06-05 --trainer ma --passed",
       StoreUse::kWrites},
      [](CLI::App& verb, RecordRequest& r) {
        verb.add_option("SERIAL", r.fields.serial, "the unit's serial no.")->required();
        verb.add_option("--date", r.fields.date, "the day of the training")->required();
        verb.add_option("--trainer", r.fields.trainer, "who trained (a user of [users])")
            ->required();
        CLI::Option* passed = verb.add_flag("--passed", r.passed, "the operators passed");
        CLI::Option* failed = verb.add_flag("--failed", r.failed, "they did not pass");
        passed->excludes(failed);
        verb.add_option("--note", r.fields.note, "what was trained, who attended");
      },
      [](Session& s, const RecordRequest& r) {
        if (!r.passed && !r.failed) {
          throw Error(ErrorCode::kUsage, "training record needs --passed or --failed",
                      "say how the training ended: --passed or --failed");
        }
        TrainingFields fields = r.fields;
        fields.passed = r.passed;
        const TrainingRecord record = record_training(s.context(), fields);
        s.emit_created(std::to_string(record.id));
        s.note(training_text(record));
      });

  add_verb<ListRequest>(
      family, session,
      {"list",
       "training records; --missing: shipped units without a passed training after [training] "
       "within_days",
       "aftersales training list --missing --format csv -o training-missing.csv", StoreUse::kReads},
      [](CLI::App& verb, ListRequest& r) {
        verb.add_option("--month", r.month,
                        "YYYY-MM: records of that month (with --missing: units shipped in it)");
        verb.add_flag("--missing", r.missing,
                      "units without a passed training past [training] within_days");
      },
      [](Session& s, const ListRequest& r) {
        if (r.missing) {
          s.emit(training_missing_table(missing_training(s.context(), r.month)));
        } else {
          s.emit(training_table(list_training(s.context(), r.month)));
        }
      });
}

}  // namespace aftersales::cli
