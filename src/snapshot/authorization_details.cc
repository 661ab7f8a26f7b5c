// The authorization-details loader: one forward pass with simdjson On-Demand, errors located by byte offset.
#include "snapshot/authorization_details.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <cstring>
#include <memory>

#include "base/files.h"
#include "base/json.h"
#include "snapshot/json_check.h"
#include "snapshot/policy_document.h"
#include "snapshot/snapshot_file.h"

namespace iamwarden::snapshot {
namespace {

namespace od = simdjson::ondemand;

// Line numbers of offsets visited in increasing order, counted with one memchr pass over the file.
class LineCounter {
 public:
  explicit LineCounter(std::string_view text) : text_(text) {}
  void at(size_t offset, uint32_t& line, uint32_t& column) {
    if (offset > text_.size()) offset = text_.size();
    if (offset < pos_) pos_ = line_start_ = 0, line_ = 1;
    while (pos_ < offset) {
      const void* nl = std::memchr(text_.data() + pos_, '\n', offset - pos_);
      if (!nl) break;
      pos_ = static_cast<size_t>(static_cast<const char*>(nl) - text_.data()) + 1;
      line_start_ = pos_;
      ++line_;
    }
    pos_ = offset;
    line = line_;
    column = static_cast<uint32_t>(offset - line_start_ + 1);
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  size_t line_start_ = 0;
  uint32_t line_ = 1;
};

class GaadLoader {
 public:
  GaadLoader(std::string_view text, const std::string& file, AuthorizationDetails& out)
      : text_(text), file_(file), out_(out), lines_(text) {}

  Result<void> run(const simdjson::padded_string& padded) {
    od::parser parser(std::max<size_t>(padded.size(), 64));
    od::document doc;
    if (auto error = parser.iterate(padded).get(doc)) return syntax(error, 0);
    doc_ = &doc;
    od::value root;
    if (auto error = doc.get_value().get(root)) {
      if (error == simdjson::SCALAR_DOCUMENT_AS_VALUE) return shape(0, "expected an object or an array of pages");
      return syntax(error, here());
    }
    od::json_type type;
    if (auto error = root.type().get(type)) return syntax(error, here());
    bool ok = false;
    if (type == od::json_type::array) {
      od::array pages;
      if (auto error = root.get_array().get(pages)) return syntax(error, here());
      size_t index = 0;
      for (auto page_result : pages) {
        od::value page;
        if (auto error = std::move(page_result).get(page)) return syntax(error, here());
        Mark m = push(index++);
        ok = read_page(page);
        pop(m);
        if (!ok) return error_;
      }
    } else if (type == od::json_type::object) {
      if (!read_page(root)) return error_;
    } else {
      return shape(offset_of(root), "expected an object or an array of pages");
    }
    if (const char* where = nullptr; !doc.current_location().get(where) && where) {
      return syntax_message("unexpected content after the top-level value", offset_from(where));
    }
    return {};
  }

 private:
  using Mark = size_t;

  Mark push(std::string_view key) {
    Mark m = pointer_.size();
    pointer_ += '/';
    pointer_ += json_pointer_token(key);
    return m;
  }
  Mark push(size_t index) {
    Mark m = pointer_.size();
    fmt::format_to(std::back_inserter(pointer_), "/{}", index);
    return m;
  }
  void pop(Mark m) { pointer_.resize(m); }

  size_t offset_from(const char* p) const {
    if (!p || p < text_.data()) return 0;
    return std::min(static_cast<size_t>(p - text_.data()), text_.size());
  }
  size_t offset_of(od::value& v) { return offset_from(v.raw_json_token().data()); }
  size_t here() {
    const char* where = nullptr;
    if (doc_ && !doc_->current_location().get(where) && where) return offset_from(where);
    return text_.size();
  }

  SourceLoc locate(size_t offset) const {
    SourceLoc loc;
    loc.file = file_;
    line_column(text_, static_cast<uint32_t>(std::min<size_t>(offset, UINT32_MAX)), loc.line, loc.column);
    loc.json_pointer = pointer_;
    return loc;
  }
  Error syntax_message(std::string message, size_t offset) {
    return Error{ErrorCode::kJsonSyntax, "not valid JSON: " + message, locate(offset), ""};
  }
  Error syntax(simdjson::error_code code, size_t offset) {
    std::string hint;
    if (code == simdjson::INCOMPLETE_ARRAY_OR_OBJECT || code == simdjson::TAPE_ERROR) {
      hint = "the file looks truncated or malformed; collect it again";
    }
    Error e = syntax_message(simdjson::error_message(code), offset);
    e.hint = hint;
    return e;
  }
  Error shape(size_t offset, std::string message) {
    return Error{ErrorCode::kInvalidInput, std::move(message), locate(offset),
                 "expected `aws iam get-account-authorization-details` output"};
  }
  bool fail(Error e) {
    error_ = std::move(e);
    return false;
  }
  bool fail_shape(od::value& v, std::string message) { return fail(shape(offset_of(v), std::move(message))); }
  bool fail_syntax(simdjson::error_code code) { return fail(syntax(code, here())); }

  // Iterates the members of an object value, calling f(key, value) for each; f returns false to stop.
  template <class F>
  bool each_member(od::value& v, F&& f) {
    od::json_type type;
    if (auto error = v.type().get(type)) return fail_syntax(error);
    if (type != od::json_type::object) return fail_shape(v, "expected an object");
    od::object object;
    if (auto error = v.get_object().get(object)) return fail_syntax(error);
    for (auto field_result : object) {
      od::field field;
      if (auto error = std::move(field_result).get(field)) return fail_syntax(error);
      std::string_view key;
      if (auto error = field.unescaped_key().get(key)) return fail_syntax(error);
      od::value value = field.value();
      if (!f(key, value)) return false;
    }
    return true;
  }

  // Iterates an array value (null counts as empty), calling f(value) with the pointer set.
  // With single_object, an object stands for a list of one (the AWS CLI documentation prints
  // AttachedManagedPolicies that way).
  template <class F>
  bool each_item(od::value& v, F&& f, bool single_object = false) {
    od::json_type type;
    if (auto error = v.type().get(type)) return fail_syntax(error);
    if (type == od::json_type::null) return true;
    if (single_object && type == od::json_type::object) return f(v);
    if (type != od::json_type::array) return fail_shape(v, "expected an array");
    od::array array;
    if (auto error = v.get_array().get(array)) return fail_syntax(error);
    size_t index = 0;
    for (auto item_result : array) {
      od::value item;
      if (auto error = std::move(item_result).get(item)) return fail_syntax(error);
      Mark m = push(index++);
      bool ok = f(item);
      pop(m);
      if (!ok) return false;
    }
    return true;
  }

  bool str(od::value& v, std::string& out) {
    od::json_type type;
    if (auto error = v.type().get(type)) return fail_syntax(error);
    if (type == od::json_type::null) return true;
    if (type != od::json_type::string) return fail_shape(v, "expected a string");
    std::string_view s;
    if (auto error = v.get_string().get(s)) return fail_syntax(error);
    out.assign(s);
    return true;
  }
  bool boolean(od::value& v, bool& out) {
    od::json_type type;
    if (auto error = v.type().get(type)) return fail_syntax(error);
    if (type == od::json_type::null) return true;
    if (type != od::json_type::boolean) return fail_shape(v, "expected true or false");
    if (auto error = v.get_bool().get(out)) return fail_syntax(error);
    return true;
  }
  bool integer(od::value& v, int64_t& out) {
    od::json_type type;
    if (auto error = v.type().get(type)) return fail_syntax(error);
    if (type == od::json_type::null) return true;
    if (type != od::json_type::number) return fail_shape(v, "expected an integer");
    if (v.get_int64().get(out)) return fail_shape(v, "expected an integer");
    return true;
  }
  bool time(od::value& v, Timestamp& out) {
    od::json_type type;
    if (auto error = v.type().get(type)) return fail_syntax(error);
    if (type == od::json_type::null || type == od::json_type::object) return true;  // placebo dicts: unread
    if (type == od::json_type::number) {
      std::string_view raw = v.raw_json_token();
      while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t'))
        raw.remove_suffix(1);
      double ignored;
      if (v.get_double().get(ignored)) return fail_shape(v, "expected a timestamp");
      out = make_timestamp(raw);
      return true;
    }
    std::string text;
    if (!str(v, text)) return false;
    out = make_timestamp(text);
    return true;
  }

  Origin origin_at(size_t offset) {
    Origin o;
    o.file = file_;
    o.pointer = pointer_;
    lines_.at(offset, o.line, o.column);
    return o;
  }

  // A policy document: an object (kept as its JSON text) or a string (JSON or URL-encoded JSON).
  bool document(od::value& v, std::optional<PolicyDocument>& out) {
    od::json_type type;
    if (auto error = v.type().get(type)) return fail_syntax(error);
    size_t offset = offset_of(v);
    if (type == od::json_type::null) return true;
    PolicyDocument doc;
    if (type == od::json_type::object) {
      od::object object;
      std::string_view raw;
      if (auto error = v.get_object().get(object)) return fail_syntax(error);
      if (auto error = object.raw_json().get(raw)) return fail_syntax(error);
      while (!raw.empty() && raw.back() != '}') raw.remove_suffix(1);
      doc.text = raw;  // a slice of the file buffer, which out_.text keeps alive
    } else if (type == od::json_type::string) {
      std::string_view s;
      if (auto error = v.get_string().get(s)) return fail_syntax(error);
      doc.text = out_.text->add(decode_policy_string(s));
      doc.was_encoded = true;
    } else {
      return fail_shape(v, "expected a policy document (an object or a string)");
    }
    doc.origin = origin_at(offset);
    out = std::move(doc);
    return true;
  }

  bool inline_policies(od::value& v, std::vector<InlinePolicy>& out) {
    return each_item(v, [&](od::value& item) {
      InlinePolicy p;
      std::optional<PolicyDocument> doc;
      size_t offset = offset_of(item);
      bool ok = each_member(item, [&](std::string_view key, od::value& value) {
        Mark m = push(key);
        bool r = true;
        if (key == "PolicyName") r = str(value, p.name);
        else if (key == "PolicyDocument") r = document(value, doc);
        pop(m);
        return r;
      });
      if (!ok) return false;
      if (!doc) return fail(shape(offset, "inline policy without a PolicyDocument"));
      p.document = std::move(*doc);
      out.push_back(std::move(p));
      return true;
    });
  }

  bool attached(od::value& v, std::vector<PolicyRef>& out) {
    return each_item(v, [&](od::value& item) {
      PolicyRef ref;
      size_t offset = offset_of(item);
      bool ok = each_member(item, [&](std::string_view key, od::value& value) {
        Mark m = push(key);
        bool r = true;
        if (key == "PolicyName") r = str(value, ref.name);
        else if (key == "PolicyArn") r = str(value, ref.arn);
        pop(m);
        return r;
      });
      if (!ok) return false;
      if (ref.arn.empty()) return fail(shape(offset, "attached policy without a PolicyArn"));
      out.push_back(std::move(ref));
      return true;
    }, true);
  }

  bool boundary(od::value& v, std::optional<PolicyRef>& out) {
    od::json_type type;
    if (auto error = v.type().get(type)) return fail_syntax(error);
    if (type == od::json_type::null) return true;
    PolicyRef ref;
    bool ok = each_member(v, [&](std::string_view key, od::value& value) {
      Mark m = push(key);
      bool r = key == "PermissionsBoundaryArn" ? str(value, ref.arn) : true;
      pop(m);
      return r;
    });
    if (!ok) return false;
    if (!ref.arn.empty()) out = std::move(ref);
    return true;
  }

  bool tags(od::value& v, std::vector<Tag>& out) {
    return each_item(v, [&](od::value& item) {
      Tag tag;
      bool ok = each_member(item, [&](std::string_view key, od::value& value) {
        Mark m = push(key);
        bool r = true;
        if (key == "Key") r = str(value, tag.key);
        else if (key == "Value") r = str(value, tag.value);
        pop(m);
        return r;
      });
      if (ok) out.push_back(std::move(tag));
      return ok;
    });
  }

  bool strings(od::value& v, std::vector<std::string>& out) {
    return each_item(v, [&](od::value& item) {
      std::string s;
      if (!str(item, s)) return false;
      out.push_back(std::move(s));
      return true;
    });
  }

  // Common members of users, groups, roles; returns true when key was one of them.
  template <class E>
  bool common(std::string_view key, od::value& value, E& e, bool& ok) {
    if (key == "Path") ok = str(value, e.path);
    else if (key == "Arn") ok = str(value, e.arn);
    else if (key == "CreateDate") ok = time(value, e.create_date);
    else if (key == "AttachedManagedPolicies") ok = attached(value, e.attached);
    else return false;
    return true;
  }

  bool user(od::value& v) {
    User u;
    u.origin = origin_at(offset_of(v));
    bool ok = each_member(v, [&](std::string_view key, od::value& value) {
      Mark m = push(key);
      bool r = true;
      if (common(key, value, u, r)) {
      } else if (key == "UserName") r = str(value, u.name);
      else if (key == "UserId") r = str(value, u.id);
      else if (key == "UserPolicyList") r = inline_policies(value, u.inline_policies);
      else if (key == "GroupList") r = strings(value, u.groups);
      else if (key == "PermissionsBoundary") r = boundary(value, u.boundary);
      else if (key == "Tags") r = tags(value, u.tags);
      pop(m);
      return r;
    });
    if (!ok) return false;
    if (u.arn.empty()) return fail(Error{ErrorCode::kInvalidInput, "user without an Arn", locate_origin(u.origin), ""});
    out_.users.push_back(std::move(u));
    return true;
  }

  bool group(od::value& v) {
    Group g;
    g.origin = origin_at(offset_of(v));
    bool ok = each_member(v, [&](std::string_view key, od::value& value) {
      Mark m = push(key);
      bool r = true;
      if (common(key, value, g, r)) {
      } else if (key == "GroupName") r = str(value, g.name);
      else if (key == "GroupId") r = str(value, g.id);
      else if (key == "GroupPolicyList") r = inline_policies(value, g.inline_policies);
      pop(m);
      return r;
    });
    if (!ok) return false;
    if (g.arn.empty()) return fail(Error{ErrorCode::kInvalidInput, "group without an Arn", locate_origin(g.origin), ""});
    out_.groups.push_back(std::move(g));
    return true;
  }

  bool instance_profiles(od::value& v, std::vector<InstanceProfile>& out) {
    return each_item(v, [&](od::value& item) {
      InstanceProfile p;
      bool ok = each_member(item, [&](std::string_view key, od::value& value) {
        Mark m = push(key);
        bool r = true;
        if (key == "InstanceProfileName") r = str(value, p.name);
        else if (key == "InstanceProfileId") r = str(value, p.id);
        else if (key == "Arn") r = str(value, p.arn);
        else if (key == "Path") r = str(value, p.path);
        else if (key == "CreateDate") r = time(value, p.create_date);
        else if (key == "Roles") {
          r = each_item(value, [&](od::value& role) {
            return each_member(role, [&](std::string_view k, od::value& rv) {
              if (k != "Arn") return true;
              Mark m2 = push(k);
              std::string arn;
              bool r2 = str(rv, arn);
              pop(m2);
              if (r2) p.role_arns.push_back(std::move(arn));
              return r2;
            });
          });
        }
        pop(m);
        return r;
      });
      if (ok) out.push_back(std::move(p));
      return ok;
    });
  }

  bool role(od::value& v) {
    Role role;
    role.origin = origin_at(offset_of(v));
    bool ok = each_member(v, [&](std::string_view key, od::value& value) {
      Mark m = push(key);
      bool r = true;
      if (common(key, value, role, r)) {
      } else if (key == "RoleName") r = str(value, role.name);
      else if (key == "RoleId") r = str(value, role.id);
      else if (key == "AssumeRolePolicyDocument") r = document(value, role.trust_policy);
      else if (key == "InstanceProfileList") r = instance_profiles(value, role.instance_profiles);
      else if (key == "RolePolicyList") r = inline_policies(value, role.inline_policies);
      else if (key == "PermissionsBoundary") r = boundary(value, role.boundary);
      else if (key == "Tags") r = tags(value, role.tags);
      else if (key == "RoleLastUsed") {
        od::json_type type;
        if (auto error = value.type().get(type)) return fail_syntax(error);
        if (type != od::json_type::null) {
          role.last_used_known = true;
          r = each_member(value, [&](std::string_view k, od::value& lv) {
            Mark m2 = push(k);
            bool r2 = true;
            if (k == "LastUsedDate") r2 = time(lv, role.last_used);
            else if (k == "Region") r2 = str(lv, role.last_used_region);
            pop(m2);
            return r2;
          });
        }
      }
      pop(m);
      return r;
    });
    if (!ok) return false;
    if (role.arn.empty()) return fail(Error{ErrorCode::kInvalidInput, "role without an Arn", locate_origin(role.origin), ""});
    out_.roles.push_back(std::move(role));
    return true;
  }

  bool versions(od::value& v, std::vector<PolicyVersion>& out) {
    return each_item(v, [&](od::value& item) {
      PolicyVersion version;
      std::optional<PolicyDocument> doc;
      size_t offset = offset_of(item);
      bool ok = each_member(item, [&](std::string_view key, od::value& value) {
        Mark m = push(key);
        bool r = true;
        if (key == "Document") r = document(value, doc);
        else if (key == "VersionId") r = str(value, version.version_id);
        else if (key == "IsDefaultVersion") r = boolean(value, version.is_default);
        else if (key == "CreateDate") r = time(value, version.create_date);
        pop(m);
        return r;
      });
      if (!ok) return false;
      if (!doc) return fail(shape(offset, "policy version without a Document"));
      version.document = std::move(*doc);
      out.push_back(std::move(version));
      return true;
    });
  }

  bool managed_policy(od::value& v) {
    ManagedPolicy p;
    p.origin = origin_at(offset_of(v));
    bool ok = each_member(v, [&](std::string_view key, od::value& value) {
      Mark m = push(key);
      bool r = true;
      if (key == "PolicyName") r = str(value, p.name);
      else if (key == "PolicyId") r = str(value, p.id);
      else if (key == "Arn") r = str(value, p.arn);
      else if (key == "Path") r = str(value, p.path);
      else if (key == "DefaultVersionId") r = str(value, p.default_version_id);
      else if (key == "Description") r = str(value, p.description);
      else if (key == "AttachmentCount") r = integer(value, p.attachment_count);
      else if (key == "PermissionsBoundaryUsageCount") r = integer(value, p.boundary_usage_count);
      else if (key == "IsAttachable") r = boolean(value, p.is_attachable);
      else if (key == "CreateDate") r = time(value, p.create_date);
      else if (key == "UpdateDate") r = time(value, p.update_date);
      else if (key == "PolicyVersionList") r = versions(value, p.versions);
      pop(m);
      return r;
    });
    if (!ok) return false;
    if (p.arn.empty()) return fail(Error{ErrorCode::kInvalidInput, "managed policy without an Arn", locate_origin(p.origin), ""});
    out_.policies.push_back(std::move(p));
    return true;
  }

  SourceLoc locate_origin(const Origin& o) const { return SourceLoc{o.file, o.line, o.column, o.pointer}; }

  bool read_page(od::value& page) {
    size_t offset = offset_of(page);
    bool any = false;
    bool ok = each_member(page, [&](std::string_view key, od::value& value) {
      Mark m = push(key);
      bool r = true;
      if (key == "UserDetailList") any = true, r = each_item(value, [&](od::value& i) { return user(i); });
      else if (key == "GroupDetailList") any = true, r = each_item(value, [&](od::value& i) { return group(i); });
      else if (key == "RoleDetailList") any = true, r = each_item(value, [&](od::value& i) { return role(i); });
      else if (key == "Policies") any = true, r = each_item(value, [&](od::value& i) { return managed_policy(i); });
      pop(m);
      return r;
    });
    if (!ok) return false;
    if (!any) {
      return fail(shape(offset, "none of UserDetailList, GroupDetailList, RoleDetailList, Policies is present"));
    }
    return true;
  }

  std::string_view text_;
  const std::string& file_;
  AuthorizationDetails& out_;
  LineCounter lines_;
  od::document* doc_ = nullptr;
  std::string pointer_;
  Error error_;
};

}  // namespace

namespace {

// Counts the entities of the four lists during the whole-document check, so that the entity
// vectors are allocated once at their final size: grown by doubling, a vector of 600-byte roles
// held up to twice the memory needed, and both the old and new arrays while moving.
struct EntityCounter : JsonCheckHooks {
  size_t users = 0, groups = 0, roles = 0, policies = 0;
  void array_element(std::string_view member, size_t depth) override {
    if (depth > 2) return;  // the lists are members of the root object or of a page
    if (member == "UserDetailList") ++users;
    else if (member == "GroupDetailList") ++groups;
    else if (member == "RoleDetailList") ++roles;
    else if (member == "Policies") ++policies;
  }
};

// Room for n more: exact for the first file, growing by half for further pages (no quadratic copying).
template <class T>
void reserve_more(std::vector<T>& v, size_t n) {
  if (v.size() + n > v.capacity()) v.reserve(std::max(v.size() + n, v.capacity() + v.capacity() / 2));
}

Result<void> run_loader(std::shared_ptr<simdjson::padded_string> padded, const std::string& file,
                        AuthorizationDetails& out) {
  // The loader reads only the members it uses; the whole text is checked first so that junk or a
  // duplicate member anywhere is refused with its exact place.
  EntityCounter count;
  if (Result<void> valid = check_json_document(std::string_view(padded->data(), padded->size()), file, &count); !valid)
    return valid;
  reserve_more(out.users, count.users);
  reserve_more(out.groups, count.groups);
  reserve_more(out.roles, count.roles);
  reserve_more(out.policies, count.policies);
  GaadLoader loader(std::string_view(padded->data(), padded->size()), file, out);
  Result<void> r = loader.run(*padded);
  out.text->keep(std::move(padded));  // documents are views into it
  if (r) out.files.push_back(file);
  return r;
}

}  // namespace

Result<void> parse_authorization_details(std::string_view text, const std::string& file, AuthorizationDetails& out) {
  return run_loader(std::make_shared<simdjson::padded_string>(text), file, out);
}

Result<void> load_authorization_details(const std::string& path, AuthorizationDetails& out, bool follow_links) {
  auto padded = std::make_shared<simdjson::padded_string>();
  if (Result<void> read = read_snapshot_file_padded(path, follow_links, *padded); !read) {
    if (!follow_links || entry_kind(path) == EntryKind::kFile) return read;
    // Named on the command line and not a regular file (e.g. a pipe from <(...)): read it whole.
    Result<std::string> text = read_file(path);
    if (!text) return text.error();
    *padded = simdjson::padded_string(*text);
  }
  return run_loader(std::move(padded), path, out);
}

}  // namespace iamwarden::snapshot
