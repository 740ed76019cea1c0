// aftersales attach ENTITY ID FILE | attach add|list|get: the signed paper kept with its record
// (issue 15). `attach ENTITY ID FILE` is the short form of `attach add ENTITY ID FILE`: the
// family takes the three words itself when no verb comes first (CLI11 tells a verb from an
// entity because none of the verbs is a kind of record). The rules live in the core
// (attachments/attachments.h), the rendering in views/attachment_view.h.
#include <unistd.h>

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "aftersales/attachments/attachments.h"
#include "aftersales/core/error.h"
#include "aftersales/io/render.h"
#include "commands/registry.h"
#include "commands/verb.h"
#include "views/attachment_view.h"

namespace aftersales::cli {
namespace {

struct AddRequest {
  std::string entity, record, file, form, note;
};

struct ListRequest {
  std::string entity, record;
};

struct GetRequest {
  std::string id;
  bool force = false;
};

std::string kind_names() {
  std::string names;
  for (const AttachmentKind& kind : attachment_kinds()) {
    names += (names.empty() ? "" : ", ") + std::string(kind.name);
  }
  return names;
}

void add_entity(CLI::App& command, std::string& entity, std::string& record) {
  command.add_option("ENTITY", entity, "the kind of record: " + kind_names());
  command.add_option("ID", record, "its number (a unit: serial no., VIN, plate or engine no.)");
}

void add_file_options(CLI::App& command, AddRequest& r) {
  add_entity(command, r.entity, r.record);
  command.add_option("FILE", r.file, "the scan: PDF, JPEG or PNG, at most [attachments] max_mb");
  command.add_option("--form", r.form, "the paper form scanned: 表6, 表11, 出门证 ...");
  command.add_option("--note", r.note, "a note kept with it");
}

void run_add(Session& s, const AddRequest& r) {
  if (r.entity.empty() || r.record.empty() || r.file.empty()) {
    throw Error(ErrorCode::kUsage, "attach: name the record and the file: ENTITY ID FILE",
                "for example: aftersales attach ticket SR-2026-000001 表6-signed.pdf --form 表6; "
                "`aftersales attach --help` lists the kinds of record and the verbs list and get");
  }
  Context& ctx = s.context();
  AttachRequest request;
  request.entity = r.entity;
  request.record = r.record;
  request.form = r.form;
  request.note = r.note;
  check_attachment_kind(request.entity);
  request.file = read_attachment_file(r.file, ctx.rules);
  const Attachment attached = attach_file(ctx, request);
  s.emit_created(std::to_string(attached.id));
  s.note(attached_text(attached));
}

// The bytes go out as they are: to -o FILE (atomically; an existing file only with --force), or
// to standard output when it is not a terminal.
void write_content(Session& s, const GetRequest& r, const AttachmentContent& got) {
  const std::string& path = s.options.output;
  const std::string& bytes = got.content;
  if (path.empty()) {
    if (::isatty(STDOUT_FILENO) != 0) {
      throw Error(ErrorCode::kUsage,
                  fmt::format("attachment {} ({}) is binary and is not written to a terminal",
                              got.attachment.id, got.attachment.file_name),
                  fmt::format("give a file: aftersales attach get {} -o {}", got.attachment.id,
                              got.attachment.file_name));
    }
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::cout.flush();
    if (!std::cout) {
      throw Error(ErrorCode::kStorageUnavailable, "cannot write to standard output",
                  "check where standard output goes (a full disk, a closed pipe)");
    }
    return;
  }
  namespace fs = std::filesystem;
  const fs::path output(path);
  const fs::path directory = output.has_parent_path() ? output.parent_path() : fs::path(".");
  if (!fs::is_directory(directory)) {
    throw Error(ErrorCode::kUsage,
                fmt::format("-o {}: the directory {} does not exist", path, directory.string()),
                "create the directory first, or name a file in an existing one");
  }
  if (fs::is_directory(output)) {
    throw Error(
        ErrorCode::kUsage, fmt::format("-o {} is a directory", path),
        fmt::format("name a file, e.g. -o {}", (output / got.attachment.file_name).string()));
  }
  if (fs::exists(output) && !r.force) {
    throw Error(ErrorCode::kInvalidInput, fmt::format("{} exists already", path),
                "choose a new file name, or pass --force to replace it");
  }
  write_file_atomically(path, [&](std::ostream& out) {
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  });
  s.note(fmt::format("wrote attachment {} ({}, {} bytes) to {}", got.attachment.id,
                     got.attachment.file_name, got.attachment.size, path));
}

}  // namespace

void attach_attachment(CLI::App& family, Session& session) {
  example(family,
          "aftersales attach ticket SR-2026-000001 表6-signed.pdf --form 表6\n"
          "  aftersales attach list ticket SR-2026-000001\n"
          "  aftersales attach get 3 -o 表6-signed.pdf");
  std::string kinds;
  for (const AttachmentKind& kind : attachment_kinds()) {
    kinds += fmt::format("\n  {:<10} {} ({})", kind.name, kind.description, kind.number);
  }
  family.description(
      "Keeps a scanned signed form (PDF, JPEG or PNG, told by its content) in the ledger with its "
      "record, with its SHA-256, size, type, who attached it and when: `attach ENTITY ID FILE` "
      "(the short form of `attach add`). Prints the new attachment's id. Kinds of record:" +
      kinds);
  family.require_subcommand(0, 1);

  // The short form: the family's own ENTITY ID FILE when no verb was given.
  auto short_form = std::make_shared<AddRequest>();
  add_file_options(family, *short_form);
  family.callback([&session, &family, short_form] {
    if (!family.get_subcommands().empty()) return;  // add, list or get chose already
    session.choose(StoreUse::kWrites, RulesSource::kLedger, [&session, short_form] {
      run_add(session, *short_form);
      return ExitCode::kOk;
    });
  });

  add_verb<AddRequest>(
      family, session,
      {"add", "keep a scanned form with a record; prints the attachment's id",
       "aftersales attach add gatepass GP-2026-000004 出门证-门卫.jpg --form 出门证 --note 门卫联",
       StoreUse::kWrites},
      [](CLI::App& verb, AddRequest& r) {
        add_file_options(verb, r);
        for (CLI::Option* positional : verb.get_options()) {
          if (positional->get_positional()) positional->required();
        }
      },
      run_add);

  add_verb<ListRequest>(
      family, session,
      {"list", "the attachments of a record: id, file, type, size, SHA-256, who and when",
       "aftersales attach list unit 2025-001 --format csv", StoreUse::kReads},
      [](CLI::App& verb, ListRequest& r) {
        add_entity(verb, r.entity, r.record);
        for (CLI::Option* positional : verb.get_options()) {
          if (positional->get_positional()) positional->required();
        }
      },
      [](Session& s, const ListRequest& r) {
        Context& ctx = s.context();
        s.emit(attachment_table(attachments_of(ctx, r.entity, r.record),
                                ctx.rules.general.utc_offset));
      });

  add_verb<GetRequest>(
      family, session,
      {"get",
       "write an attachment back out byte for byte: to -o FILE, or to standard output when it "
       "is not a terminal",
       "aftersales attach get 3 -o 表6-signed.pdf", StoreUse::kReads},
      [](CLI::App& verb, GetRequest& r) {
        verb.add_option("ATTACHMENT_ID", r.id, "the attachment's id, as `attach list` prints it")
            ->required();
        verb.add_flag("--force", r.force, "replace -o FILE when it exists");
      },
      [](Session& s, const GetRequest& r) {
        write_content(s, r, get_attachment(s.context(), r.id));
      })
      // -o names the file of the bytes, whatever its extension: not a format of data.
      .parse_complete_callback([&session] { session.take_output_as_directory(); });
}

}  // namespace aftersales::cli
