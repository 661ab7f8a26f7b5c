// Facts about a statement that several security rules ask: does it cover an action, through a wildcard, on "*".
#pragma once

#include <string_view>

#include "eval/arn.h"
#include "lint/context.h"

namespace iamwarden::lint {

/// How a statement reaches one action.
enum class Coverage : uint8_t { kNone, kNamed, kWildcard, kNotAction };

/// Whether st (of any effect) covers the action "service:Name": named exactly, through a wildcard entry, or
/// because NotAction does not exclude it.
Coverage statement_covers(LintContext& context, const policy::Statement& st, std::string_view action);

/// True when a Resource entry is "*" or a wildcard over a whole resource type ("arn:aws:iam::*:role/*").
bool is_star_resource(std::string_view resource);

/// True when a Resource entry matches every resource of every service: "*", or an ARN pattern whose
/// service, region, account and resource are all "*" ("arn:*:*:*:*:*", "arn:aws:*:*:*:*").
bool matches_every_resource(std::string_view resource);

/// True when a resource ARN pattern (split) and a catalog ARN template can name the same resource,
/// part by part (a wildcard in one part never reaches into the next).
bool arn_fits_template(const eval::ArnParts& resource, std::string_view arn_template);

/// True when the statement's Resource has a star entry (see is_star_resource).
bool has_star_resource(const policy::Statement& st);

/// Whether a condition key narrows who can call (aws:PrincipalOrgID, aws:SourceVpce, aws:SourceArn, ...).
bool restricts_caller_key(std::string_view key);

/// Whether st's Principal is anyone: "*" or {"AWS": "*"} (NotPrincipal is not counted).
bool allows_any_principal(const policy::Statement& st);

/// Offset of a member of the statement object (its name), or the statement's offset.
uint32_t member_offset(LintContext& context, const policy::Statement& st, std::string_view element);

}  // namespace iamwarden::lint
