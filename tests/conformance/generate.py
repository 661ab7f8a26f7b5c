#!/usr/bin/env python3
"""Generator for the iamwarden policy-evaluation conformance corpus.

Every case is written to tests/conformance/<area>/<file>.json (pretty-printed,
2-space indent, UTF-8).  The JSON files are the deliverable; this script only
keeps them reproducible.  Re-run with:

    python3 tests/conformance/generate.py            # (re)write all files
    python3 tests/conformance/generate.py --check    # verify files are up to date

Expected decisions follow /work/shared/design/eval-semantics.md (sections 3-5,
the section 7 table, the "Engine default" column of section 8 and the defaults of
section 10).  Each case was reasoned through the section 5.4 pseudocode; the
comment above a case gives the reasoning where it is not obvious.

The case-file format is documented in README.md next to this script.
"""

import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------
# Constants
# ---------------------------------------------------------------------------
V = "2012-10-17"
V2008 = "2008-10-17"
A = "111111111111"
B = "222222222222"
C = "333333333333"
ORG = "o-a1b2c3d4e5"

ROOT_A = f"arn:aws:iam::{A}:root"
ROOT_B = f"arn:aws:iam::{B}:root"
ALICE = f"arn:aws:iam::{A}:user/alice"
BOB_A = f"arn:aws:iam::{A}:user/bob"
BOB_B = f"arn:aws:iam::{B}:user/Bob"
CAROL_B = f"arn:aws:iam::{B}:user/carol"
ROLE_DEV = f"arn:aws:iam::{A}:role/team/Dev"
SESS = f"arn:aws:sts::{A}:assumed-role/Dev/s1"
SESS2 = f"arn:aws:sts::{A}:assumed-role/Dev/s2"
ROLE_DEV_B = f"arn:aws:iam::{B}:role/Dev"
SESS_B = f"arn:aws:sts::{B}:assumed-role/Dev/s1"
FED = f"arn:aws:sts::{A}:federated-user/Bob"      # created by ALICE
FED_CAROL = f"arn:aws:sts::{A}:federated-user/Carol"
ANON = "anonymous"

BUCKET = "arn:aws:s3:::bucket"
OBJ = "arn:aws:s3:::bucket/key"
BUCKET_B = "arn:aws:s3:::bucket-b"
OBJ_B = "arn:aws:s3:::bucket-b/key"
QUEUE = f"arn:aws:sqs:us-east-1:{A}:q"
QUEUE_B = f"arn:aws:sqs:us-east-1:{B}:q"
KEY = f"arn:aws:kms:us-east-1:{A}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
KEY_B = f"arn:aws:kms:us-east-1:{B}:key/0987dcba-09fe-87dc-65ba-ab0987654321"
TOPIC = f"arn:aws:sns:us-east-1:{A}:alerts"
INSTANCE = f"arn:aws:ec2:us-east-1:{A}:instance/i-0123456789abcdef0"
TABLE = f"arn:aws:dynamodb:us-east-1:{A}:table/Orders"
SECRET = f"arn:aws:secretsmanager:us-east-1:{A}:secret:prod/db-AbCdEf"
SECRET_B = f"arn:aws:secretsmanager:us-east-1:{B}:secret:prod/db-AbCdEf"
LOGGROUP = f"arn:aws:logs:us-east-1:{A}:log-group:app"
REPO = f"arn:aws:ecr:us-east-1:{A}:repository/app"
FUNC = f"arn:aws:lambda:us-east-1:{A}:function:worker"
ROLE_DEPLOY = f"arn:aws:iam::{A}:role/Deploy"

ALLOWED, EDENY, IDENY, ERROR = "Allowed", "ExplicitDeny", "ImplicitDeny", "Error"

AREAS = [
    "actions", "resources", "principals", "conditions_string", "conditions_numeric",
    "conditions_date", "conditions_bool_binary", "conditions_ip", "conditions_arn",
    "conditions_null_ifexists", "conditions_sets", "variables", "evaluation_identity",
    "evaluation_resource_same_account", "evaluation_cross_account", "evaluation_boundary",
    "evaluation_session", "evaluation_scp", "evaluation_rcp", "evaluation_trust_kms",
    "special_cases", "grammar",
]

# ---------------------------------------------------------------------------
# JSON output (supports objects with duplicate member names for grammar cases)
# ---------------------------------------------------------------------------


class DupObj:
    """A JSON object written member by member, so a name may repeat."""

    def __init__(self, *pairs):
        self.pairs = list(pairs)


def dump(o, ind=0):
    pad = "  " * (ind + 1)
    end = "  " * ind
    if isinstance(o, (dict, DupObj)):
        items = o.pairs if isinstance(o, DupObj) else list(o.items())
        if not items:
            return "{}"
        body = ",\n".join(pad + json.dumps(k, ensure_ascii=False) + ": " + dump(v, ind + 1)
                          for k, v in items)
        return "{\n" + body + "\n" + end + "}"
    if isinstance(o, list):
        if not o:
            return "[]"
        return "[\n" + ",\n".join(pad + dump(v, ind + 1) for v in o) + "\n" + end + "]"
    return json.dumps(o, ensure_ascii=False)


# ---------------------------------------------------------------------------
# Builders
# ---------------------------------------------------------------------------

_UNSET = object()


def S(effect, action=None, resource=None, *, notaction=None, notresource=None,
      principal=None, notprincipal=None, condition=None, sid=None):
    """One statement, members in the usual AWS order."""
    d = {}
    if sid is not None:
        d["Sid"] = sid
    d["Effect"] = effect
    if principal is not None:
        d["Principal"] = principal
    if notprincipal is not None:
        d["NotPrincipal"] = notprincipal
    if action is not None:
        d["Action"] = action
    if notaction is not None:
        d["NotAction"] = notaction
    if resource is not None:
        d["Resource"] = resource
    if notresource is not None:
        d["NotResource"] = notresource
    if condition is not None:
        d["Condition"] = condition
    return d


def Allow(action, resource="*", **kw):
    return S("Allow", action, resource, **kw)


def Deny(action, resource="*", **kw):
    return S("Deny", action, resource, **kw)


def P(*stmts, version=V):
    d = {}
    if version is not None:
        d["Version"] = version
    d["Statement"] = list(stmts)
    return d


def RS(effect, action, resource=None, principal=None, **kw):
    """Resource-policy statement (Principal required, Resource optional)."""
    return S(effect, action, resource, principal=principal, **kw)


def aws(*arns):
    return {"AWS": arns[0] if len(arns) == 1 else list(arns)}


def svc(*names):
    return {"Service": names[0] if len(names) == 1 else list(names)}


# SCP / RCP helpers ---------------------------------------------------------
FULL_AWS_ACCESS = P(S("Allow", "*", "*"))


def scp(*stmts):
    return P(*stmts)


def rcp_deny(action, resource="*", condition=None, notresource=None, sid=None):
    if notresource is not None:
        return S("Deny", action, None, principal="*", notresource=notresource,
                 condition=condition, sid=sid)
    return S("Deny", action, resource, principal="*", condition=condition, sid=sid)


def rcp(*stmts):
    return P(*stmts)


def account_of(principal):
    if principal.startswith("arn:aws:iam::") or principal.startswith("arn:aws:sts::"):
        return principal.split(":")[4]
    return None


def R(action, resource, principal=ALICE, ctx=None, ra=None, role=_UNSET, fed=None):
    """Request.  S3 ARNs get resourceAccount = caller's account unless ra is given."""
    r = {"principal": principal, "action": action, "resource": resource}
    if ra is None and resource.startswith("arn:aws:s3:::"):
        ra = account_of(principal)
        if ra is None:
            raise ValueError(f"resourceAccount needed for {principal} on {resource}")
    if ra is not None:
        r["resourceAccount"] = ra
    if ctx is not None:
        r["context"] = ctx
    if role is _UNSET:
        role = ROLE_DEV if principal in (SESS, SESS2) else None
    if role:
        r["principalRoleArn"] = role
    if fed:
        r["federatingUser"] = fed
    return r


def pols(identity=None, resource=None, boundary=None, scp=None, rcp=None, session=None):
    d = {}
    if identity is not None:
        d["identity"] = identity if isinstance(identity, list) else [identity]
    if resource is not None:
        d["resource"] = resource
    if boundary is not None:
        d["permissionBoundary"] = boundary
    if scp is not None:
        d["scp"] = scp
    if rcp is not None:
        d["rcp"] = rcp
    if session is not None:
        d["session"] = session
    return d


CASES = []


def case(area, fname, name, request, expect, policies=None, options=None):
    assert area in AREAS, area
    assert expect in (ALLOWED, EDENY, IDENY, ERROR), expect
    d = {"name": name, "request": request, "policies": policies or {}}
    if options:
        d["options"] = options
    d["expect"] = expect
    CASES.append((area, fname, d))


def cond(area, fname, name, condition, ctx, result, *, effect="Allow",
         action="s3:GetObject", resource=OBJ, principal=ALICE, version=V, ra=None, role=_UNSET):
    """A condition truth test in an identity policy.

    effect == "Allow": one Allow statement carrying the condition; true -> Allowed,
                       false -> ImplicitDeny.
    effect == "Deny":  an unconditional Allow plus a Deny carrying the condition;
                       true -> ExplicitDeny, false -> Allowed.
    """
    if effect == "Allow":
        pol = P(S("Allow", action, resource, condition=condition), version=version)
        expect = ALLOWED if result else IDENY
    else:
        pol = P(S("Allow", action, resource, sid="AllowAction"),
                S("Deny", action, resource, condition=condition, sid="DenyWhen"),
                version=version)
        expect = EDENY if result else ALLOWED
    case(area, fname, name, R(action, resource, principal, ctx, ra=ra, role=role), expect,
         pols(identity=pol))


# ===========================================================================
# actions
# ===========================================================================

def gen_actions():
    a = "actions"
    case(a, "M1_action_match_is_case_insensitive",
         "M1: 'IAM:listaccesskeys' matches iam:ListAccessKeys (prefix and name case-insensitive)",
         R("iam:ListAccessKeys", ALICE), ALLOWED,
         pols(identity=P(Allow("IAM:listaccesskeys", "*"))))
    case(a, "M2_infix_wildcard_matches_list_access_keys",
         "M2: iam:*AccessKey* matches iam:ListAccessKeys",
         R("iam:ListAccessKeys", ALICE), ALLOWED,
         pols(identity=P(Allow("iam:*AccessKey*", "*"))))
    case(a, "M2_infix_wildcard_does_not_match_list_users",
         "M2: iam:*AccessKey* does not match iam:ListUsers",
         R("iam:ListUsers", "*"), IDENY,
         pols(identity=P(Allow("iam:*AccessKey*", "*"))))
    case(a, "M3_allow_notaction_iam_grants_s3",
         "M3: Allow NotAction iam:* on * grants s3:GetObject (NotAction is not limited to one service)",
         R("s3:GetObject", OBJ), ALLOWED,
         pols(identity=P(S("Allow", notaction="iam:*", resource="*"))))
    case(a, "M3_allow_notaction_iam_does_not_grant_iam",
         "M3: Allow NotAction iam:* on * does not grant iam:GetUser",
         R("iam:GetUser", ALICE), IDENY,
         pols(identity=P(S("Allow", notaction="iam:*", resource="*"))))
    case(a, "M4_notaction_with_s3_arn_resource_misses_wildcard_only_action",
         "M4: Allow NotAction s3:DeleteBucket on arn:aws:s3:::* does not cover s3:ListAllMyBuckets (resource *)",
         R("s3:ListAllMyBuckets", "*"), IDENY,
         pols(identity=P(S("Allow", notaction="s3:DeleteBucket", resource="arn:aws:s3:::*"))))
    case(a, "M4_notaction_with_s3_arn_resource_grants_get_object",
         "M4: Allow NotAction s3:DeleteBucket on arn:aws:s3:::* grants s3:GetObject on arn:aws:s3:::b/k",
         R("s3:GetObject", "arn:aws:s3:::b/k"), ALLOWED,
         pols(identity=P(S("Allow", notaction="s3:DeleteBucket", resource="arn:aws:s3:::*"))))
    case(a, "M5_wildcard_only_action_not_matched_by_arn_pattern",
         "M5: Allow s3:ListAllMyBuckets on arn:aws:s3:::* does not match a wildcard-only request",
         R("s3:ListAllMyBuckets", "*"), IDENY,
         pols(identity=P(Allow("s3:ListAllMyBuckets", "arn:aws:s3:::*"))))
    case(a, "M5_wildcard_only_action_matched_by_star",
         "M5: Allow s3:ListAllMyBuckets on * matches the wildcard-only request",
         R("s3:ListAllMyBuckets", "*"), ALLOWED,
         pols(identity=P(Allow("s3:ListAllMyBuckets", "*"))))

    # extra action-matching cases
    case(a, "service_prefix_case_insensitive",
         "Service prefix 'S3' matches request prefix 's3'",
         R("s3:GetObject", OBJ), ALLOWED, pols(identity=P(Allow("S3:GetObject", OBJ))))
    case(a, "action_name_case_insensitive",
         "Action name 's3:getobject' matches s3:GetObject",
         R("s3:GetObject", OBJ), ALLOWED, pols(identity=P(Allow("s3:getobject", OBJ))))
    case(a, "lowercase_request_action_matches_describe_star",
         "ec2:Describe* matches a request spelled ec2:describeinstances",
         R("ec2:describeinstances", "*"), ALLOWED, pols(identity=P(Allow("ec2:Describe*", "*"))))
    case(a, "question_mark_matches_one_character",
         "s3:Get?bject matches s3:GetObject",
         R("s3:GetObject", OBJ), ALLOWED, pols(identity=P(Allow("s3:Get?bject", OBJ))))
    case(a, "question_mark_pattern_is_anchored",
         "s3:Get?bject does not match s3:GetObjectAcl (pattern must consume the whole name)",
         R("s3:GetObjectAcl", OBJ), IDENY, pols(identity=P(Allow("s3:Get?bject", OBJ))))
    case(a, "trailing_question_mark_needs_a_character",
         "s3:GetObject? does not match s3:GetObject (? is exactly one character)",
         R("s3:GetObject", OBJ), IDENY, pols(identity=P(Allow("s3:GetObject?", OBJ))))
    case(a, "prefix_wildcard_matches",
         "s3:Get* matches s3:GetObject",
         R("s3:GetObject", OBJ), ALLOWED, pols(identity=P(Allow("s3:Get*", OBJ))))
    case(a, "prefix_wildcard_does_not_match_other_verb",
         "s3:Get* does not match s3:PutObject",
         R("s3:PutObject", OBJ), IDENY, pols(identity=P(Allow("s3:Get*", OBJ))))
    case(a, "leading_wildcard_is_anchored_at_end",
         "s3:*Object does not match s3:GetObjectAcl",
         R("s3:GetObjectAcl", OBJ), IDENY, pols(identity=P(Allow("s3:*Object", OBJ))))
    case(a, "star_matches_empty_run",
         "s3:Get*Object matches s3:GetObject (* may match the empty string)",
         R("s3:GetObject", OBJ), ALLOWED, pols(identity=P(Allow("s3:Get*Object", OBJ))))
    case(a, "s3_star_does_not_match_s3express",
         "s3:* does not match s3express:CreateSession (different service prefix)",
         R("s3express:CreateSession", f"arn:aws:s3express:us-east-1:{A}:bucket/data--use1-az4--x-s3"),
         IDENY, pols(identity=P(Allow("s3:*", "*"))))
    case(a, "star_action_matches_everything",
         "Action * matches any action",
         R("dynamodb:GetItem", TABLE), ALLOWED, pols(identity=P(Allow("*", "*"))))
    case(a, "action_list_any_item_matches",
         "Action list matches when any item matches",
         R("s3:PutObject", OBJ), ALLOWED,
         pols(identity=P(Allow(["s3:GetObject", "s3:PutObject"], OBJ))))
    case(a, "action_list_no_item_matches",
         "Action list without a matching item does not match",
         R("s3:DeleteObject", OBJ), IDENY,
         pols(identity=P(Allow(["s3:GetObject", "s3:PutObject"], OBJ))))
    case(a, "notaction_list_excludes_listed_service",
         "Allow NotAction [iam:*, organizations:*] does not grant organizations:ListAccounts",
         R("organizations:ListAccounts", "*"), IDENY,
         pols(identity=P(S("Allow", notaction=["iam:*", "organizations:*"], resource="*"))))
    case(a, "notaction_list_grants_unlisted_service",
         "Allow NotAction [iam:*, organizations:*] grants s3:GetObject",
         R("s3:GetObject", OBJ), ALLOWED,
         pols(identity=P(S("Allow", notaction=["iam:*", "organizations:*"], resource="*"))))
    case(a, "deny_notaction_spares_listed_action",
         "Deny NotAction s3:GetObject does not deny s3:GetObject",
         R("s3:GetObject", OBJ), ALLOWED,
         pols(identity=P(Allow("*", "*"), S("Deny", notaction="s3:GetObject", resource="*"))))
    case(a, "deny_notaction_denies_other_actions",
         "Deny NotAction s3:GetObject denies s3:PutObject",
         R("s3:PutObject", OBJ), EDENY,
         pols(identity=P(Allow("*", "*"), S("Deny", notaction="s3:GetObject", resource="*"))))
    case(a, "deny_other_service_does_not_apply",
         "Deny s3:* does not affect ec2:DescribeInstances",
         R("ec2:DescribeInstances", "*"), ALLOWED,
         pols(identity=P(Allow("*", "*"), Deny("s3:*", "*"))))
    case(a, "wildcard_only_ec2_describe_with_star_resource",
         "Wildcard-only ec2:DescribeInstances allowed by Resource *",
         R("ec2:DescribeInstances", "*"), ALLOWED,
         pols(identity=P(Allow("ec2:DescribeInstances", "*"))))
    case(a, "wildcard_only_ec2_describe_not_matched_by_instance_arn",
         "Wildcard-only ec2:DescribeInstances not matched by arn:aws:ec2:*:*:instance/*",
         R("ec2:DescribeInstances", "*"), IDENY,
         pols(identity=P(Allow("ec2:DescribeInstances", "arn:aws:ec2:*:*:instance/*"))))
    case(a, "wildcard_only_deny_with_arn_resource_does_not_apply",
         "Deny on arn:aws:ec2:*:*:* does not apply to a wildcard-only request (only * matches *)",
         R("ec2:DescribeInstances", "*"), ALLOWED,
         pols(identity=P(Allow("ec2:*", "*"), Deny("ec2:*", "arn:aws:ec2:*:*:*"))))
    case(a, "wildcard_only_deny_star_applies",
         "Deny ec2:Describe* on * applies to a wildcard-only request",
         R("ec2:DescribeInstances", "*"), EDENY,
         pols(identity=P(Allow("ec2:*", "*"), Deny("ec2:Describe*", "*"))))
    case(a, "wildcard_only_deny_notresource_arn_applies",
         "Deny with NotResource [arn] applies to a wildcard-only request (no item matches *)",
         R("s3:ListAllMyBuckets", "*"), EDENY,
         pols(identity=P(Allow("s3:*", "*"),
                         S("Deny", "s3:*", notresource=["arn:aws:s3:::bucket", "arn:aws:s3:::bucket/*"]))))


# ===========================================================================
# resources
# ===========================================================================

def gen_resources():
    a = "resources"
    case(a, "M6_notresource_arn_matches_wildcard_only_request",
         "M6: Allow s3:* NotResource arn:aws:s3:::b grants s3:ListAllMyBuckets (resource *)",
         R("s3:ListAllMyBuckets", "*"), ALLOWED,
         pols(identity=P(S("Allow", "s3:*", notresource="arn:aws:s3:::b"))))
    case(a, "M6_notresource_star_excludes_wildcard_only_request",
         "M6: Allow s3:* NotResource * does not grant s3:ListAllMyBuckets",
         R("s3:ListAllMyBuckets", "*"), IDENY,
         pols(identity=P(S("Allow", "s3:*", notresource="*"))))
    pat = "arn:aws:s3:::bkt/*/test/*"
    for fn, res, exp, why in [
        ("M7_star_spans_several_slashes", "arn:aws:s3:::bkt/1///test///object.jpg", ALLOWED,
         "bkt/1///test///object.jpg matches"),
        ("M7_trailing_star_matches_empty", "arn:aws:s3:::bkt/1/test/", ALLOWED,
         "bkt/1/test/ matches (trailing * empty)"),
        ("M7_slash_required_around_star", "arn:aws:s3:::bkt/1-test/object.jpg", IDENY,
         "bkt/1-test/object.jpg does not match"),
        ("M7_nested_path_matches", "arn:aws:s3:::bkt/1/2/test/3/obj.jpg", ALLOWED,
         "bkt/1/2/test/3/obj.jpg matches"),
        ("M7_missing_segment_does_not_match", "arn:aws:s3:::bkt/test/obj.jpg", IDENY,
         "bkt/test/obj.jpg does not match (needs / on both sides)"),
        ("M7_empty_run_between_slashes", "arn:aws:s3:::bkt//test/obj.jpg", ALLOWED,
         "bkt//test/obj.jpg matches (empty run)"),
    ]:
        case(a, fn, f"M7: {pat}: {why}", R("s3:GetObject", res), exp,
             pols(identity=P(Allow("s3:GetObject", pat))))
    case(a, "M8_resource_match_is_case_sensitive",
         "M8: arn:aws:iam::A:user/Bob does not match arn:aws:iam::A:user/bob",
         R("iam:GetUser", f"arn:aws:iam::{A}:user/bob"), IDENY,
         pols(identity=P(Allow("iam:GetUser", f"arn:aws:iam::{A}:user/Bob"))))
    case(a, "M9_short_arn_trailing_star_spans_colons",
         "M9: arn:aws:sqs:us-east-1:* matches arn:aws:sqs:us-east-1:A:q (trailing * spans colons)",
         R("sqs:SendMessage", QUEUE), ALLOWED,
         pols(identity=P(Allow("sqs:SendMessage", "arn:aws:sqs:us-east-1:*"))))
    case(a, "M10_short_arn_in_identity_policy_matches",
         "M10: identity policy Resource arn:aws:sqs matches the queue (ShortArnMode=peer)",
         R("sqs:SendMessage", QUEUE), ALLOWED,
         pols(identity=P(Allow("sqs:SendMessage", "arn:aws:sqs"))))
    case(a, "M10_short_arn_in_queue_policy_does_not_match",
         "M10: queue policy Resource arn:aws:sqs matches nothing (ShortArnMode=peer); no identity policy",
         R("sqs:SendMessage", QUEUE), IDENY,
         pols(resource=P(RS("Allow", "sqs:SendMessage", "arn:aws:sqs", aws(ALICE)))))
    # M11: unresolved variable in NotResource excludes nothing -> Deny applies
    m11 = P(Allow("s3:*", "*"),
            S("Deny", "s3:*", notresource="arn:aws:s3:::b/${aws:PrincipalTag/team}/*"))
    case(a, "M11_unresolved_variable_in_notresource_excludes_nothing",
         "M11: Deny s3:* NotResource b/${aws:PrincipalTag/team}/*; no team tag -> denied",
         R("s3:GetObject", "arn:aws:s3:::b/x/1"), EDENY, pols(identity=m11))
    case(a, "M11_resolved_variable_in_notresource_excludes_own_prefix",
         "M11 (variant): same Deny, team=x -> b/x/1 is excluded from the Deny",
         R("s3:GetObject", "arn:aws:s3:::b/x/1", ctx={"aws:PrincipalTag/team": "x"}), ALLOWED,
         pols(identity=m11))
    m12 = P(Allow("s3:GetObject", "arn:aws:s3:::b/${aws:username}/*"), version=V2008)
    case(a, "M12_version_2008_variable_is_literal_no_substitution",
         "M12: Version 2008-10-17, Resource b/${aws:username}/*: alice cannot get b/alice/1",
         R("s3:GetObject", "arn:aws:s3:::b/alice/1", ctx={"aws:username": "alice"}), IDENY,
         pols(identity=m12))
    case(a, "M12_version_2008_variable_text_matches_literally",
         "M12: Version 2008-10-17, Resource b/${aws:username}/*: matches literal b/${aws:username}/1",
         R("s3:GetObject", "arn:aws:s3:::b/${aws:username}/1", ctx={"aws:username": "alice"}),
         ALLOWED, pols(identity=m12))
    case(a, "M13_username_variable_unresolved_for_role_session",
         "M13: Version 2012, Resource b/${aws:username}/*, assumed-role caller (no aws:username) -> no match",
         R("s3:GetObject", "arn:aws:s3:::b/alice/1", SESS), IDENY,
         pols(identity=P(Allow("s3:GetObject", "arn:aws:s3:::b/${aws:username}/*"))))

    # extra resource-matching cases
    case(a, "exact_arn_matches", "Exact object ARN matches",
         R("s3:GetObject", OBJ), ALLOWED, pols(identity=P(Allow("s3:GetObject", OBJ))))
    case(a, "exact_arn_other_key_no_match", "Exact object ARN does not match a different key",
         R("s3:GetObject", "arn:aws:s3:::bucket/other"), IDENY,
         pols(identity=P(Allow("s3:GetObject", OBJ))))
    case(a, "bucket_name_case_sensitive", "arn:aws:s3:::Bucket/* does not match arn:aws:s3:::bucket/key",
         R("s3:GetObject", OBJ), IDENY, pols(identity=P(Allow("s3:GetObject", "arn:aws:s3:::Bucket/*"))))
    case(a, "question_mark_in_resource_matches_one_char",
         "arn:aws:s3:::bucket/file?.txt matches bucket/file1.txt",
         R("s3:GetObject", "arn:aws:s3:::bucket/file1.txt"), ALLOWED,
         pols(identity=P(Allow("s3:GetObject", "arn:aws:s3:::bucket/file?.txt"))))
    case(a, "question_mark_in_resource_not_two_chars",
         "arn:aws:s3:::bucket/file?.txt does not match bucket/file12.txt",
         R("s3:GetObject", "arn:aws:s3:::bucket/file12.txt"), IDENY,
         pols(identity=P(Allow("s3:GetObject", "arn:aws:s3:::bucket/file?.txt"))))
    case(a, "resource_list_any_item_matches", "Resource list matches when any item matches",
         R("s3:GetObject", OBJ), ALLOWED,
         pols(identity=P(Allow("s3:GetObject", ["arn:aws:s3:::other/*", "arn:aws:s3:::bucket/*"]))))
    case(a, "star_resource_matches_any_arn", "Resource * matches an ARN",
         R("dynamodb:GetItem", TABLE), ALLOWED, pols(identity=P(Allow("dynamodb:GetItem", "*"))))
    case(a, "s3_arn_star_matches_any_object", "arn:aws:s3:::* matches any object ARN",
         R("s3:GetObject", OBJ), ALLOWED, pols(identity=P(Allow("s3:GetObject", "arn:aws:s3:::*"))))
    case(a, "bucket_arn_does_not_match_object", "arn:aws:s3:::bucket does not match arn:aws:s3:::bucket/key",
         R("s3:GetObject", OBJ), IDENY, pols(identity=P(Allow("s3:GetObject", BUCKET))))
    case(a, "bucket_prefix_star_matches_object", "arn:aws:s3:::bucket* matches arn:aws:s3:::bucket/key",
         R("s3:GetObject", OBJ), ALLOWED, pols(identity=P(Allow("s3:GetObject", "arn:aws:s3:::bucket*"))))
    case(a, "region_wildcard_matches", "arn:aws:sqs:*:A:q matches the us-east-1 queue",
         R("sqs:SendMessage", QUEUE), ALLOWED,
         pols(identity=P(Allow("sqs:SendMessage", f"arn:aws:sqs:*:{A}:q"))))
    case(a, "account_wildcard_matches", "arn:aws:sqs:us-east-1:*:q matches the queue in A",
         R("sqs:SendMessage", QUEUE), ALLOWED,
         pols(identity=P(Allow("sqs:SendMessage", "arn:aws:sqs:us-east-1:*:q"))))
    case(a, "other_account_no_match", "arn:aws:sqs:us-east-1:B:q does not match the queue in A",
         R("sqs:SendMessage", QUEUE), IDENY,
         pols(identity=P(Allow("sqs:SendMessage", QUEUE_B))))
    case(a, "other_region_no_match", "arn:aws:sqs:eu-west-1:A:q does not match the us-east-1 queue",
         R("sqs:SendMessage", QUEUE), IDENY,
         pols(identity=P(Allow("sqs:SendMessage", f"arn:aws:sqs:eu-west-1:{A}:q"))))
    case(a, "infix_wildcard_in_region_segment",
         "arn:aws:ec2:us-*-1:*:instance/* matches a us-east-1 instance",
         R("ec2:StartInstances", INSTANCE), ALLOWED,
         pols(identity=P(Allow("ec2:StartInstances", "arn:aws:ec2:us-*-1:*:instance/*"))))
    case(a, "infix_wildcard_in_region_segment_no_match",
         "arn:aws:ec2:us-*-1:*:instance/* does not match an eu-west-1 instance",
         R("ec2:StartInstances", f"arn:aws:ec2:eu-west-1:{A}:instance/i-0123456789abcdef0"), IDENY,
         pols(identity=P(Allow("ec2:StartInstances", "arn:aws:ec2:us-*-1:*:instance/*"))))
    case(a, "service_segment_case_sensitive",
         "arn:aws:SQS:us-east-1:A:q does not match arn:aws:sqs:... (case-sensitive everywhere, D11)",
         R("sqs:SendMessage", QUEUE), IDENY,
         pols(identity=P(Allow("sqs:SendMessage", f"arn:aws:SQS:us-east-1:{A}:q"))))
    case(a, "allow_notresource_grants_other_resources",
         "Allow s3:* NotResource arn:aws:s3:::secret/* grants bucket/key",
         R("s3:GetObject", OBJ), ALLOWED,
         pols(identity=P(S("Allow", "s3:*", notresource="arn:aws:s3:::secret/*"))))
    case(a, "allow_notresource_excludes_listed",
         "Allow s3:* NotResource arn:aws:s3:::secret/* does not grant secret/x",
         R("s3:GetObject", "arn:aws:s3:::secret/x"), IDENY,
         pols(identity=P(S("Allow", "s3:*", notresource="arn:aws:s3:::secret/*"))))
    case(a, "notresource_list_excludes_any_listed",
         "Allow NotResource [a/*, b/*] does not grant b/x",
         R("s3:GetObject", "arn:aws:s3:::b/x"), IDENY,
         pols(identity=P(S("Allow", "s3:*", notresource=["arn:aws:s3:::a/*", "arn:aws:s3:::b/*"]))))
    dn = P(Allow("s3:*", "*"), S("Deny", "s3:*", notresource=["arn:aws:s3:::bucket", "arn:aws:s3:::bucket/*"]))
    case(a, "deny_notresource_denies_outside", "Deny s3:* NotResource bucket/* denies other/x",
         R("s3:GetObject", "arn:aws:s3:::other/x"), EDENY, pols(identity=dn))
    case(a, "deny_notresource_spares_listed", "Deny s3:* NotResource bucket/* does not deny bucket/key",
         R("s3:GetObject", OBJ), ALLOWED, pols(identity=dn))
    case(a, "colons_in_resource_segment_matched_by_star",
         "log-group:app:* matches log-group:app:log-stream:s1 (colons in the sixth segment)",
         R("logs:PutLogEvents", f"{LOGGROUP}:log-stream:s1"), ALLOWED,
         pols(identity=P(Allow("logs:PutLogEvents", f"{LOGGROUP}:*"))))
    case(a, "table_arn_does_not_match_index",
         "arn:aws:dynamodb:*:*:table/Orders does not match table/Orders/index/byDate",
         R("dynamodb:Query", f"{TABLE}/index/byDate"), IDENY,
         pols(identity=P(Allow("dynamodb:Query", "arn:aws:dynamodb:*:*:table/Orders"))))
    case(a, "table_arn_star_matches_index",
         "arn:aws:dynamodb:us-east-1:A:table/Orders* matches table/Orders/index/byDate",
         R("dynamodb:Query", f"{TABLE}/index/byDate"), ALLOWED,
         pols(identity=P(Allow("dynamodb:Query", f"{TABLE}*"))))
    case(a, "several_wildcards_in_one_segment",
         "arn:aws:s3:::*-logs-*/* matches arn:aws:s3:::app-logs-2024/x",
         R("s3:GetObject", "arn:aws:s3:::app-logs-2024/x"), ALLOWED,
         pols(identity=P(Allow("s3:GetObject", "arn:aws:s3:::*-logs-*/*"))))
    case(a, "iam_path_wildcard_matches", "role/team/* matches role/team/Dev",
         R("iam:GetRole", ROLE_DEV), ALLOWED,
         pols(identity=P(Allow("iam:GetRole", f"arn:aws:iam::{A}:role/team/*"))))
    case(a, "iam_path_wildcard_needs_path", "role/team/* does not match role/Dev",
         R("iam:GetRole", f"arn:aws:iam::{A}:role/Dev"), IDENY,
         pols(identity=P(Allow("iam:GetRole", f"arn:aws:iam::{A}:role/team/*"))))
    case(a, "short_arn_region_star_spans_rest",
         "Identity Resource arn:aws:ec2:* matches an instance ARN",
         R("ec2:StartInstances", INSTANCE), ALLOWED,
         pols(identity=P(Allow("ec2:StartInstances", "arn:aws:ec2:*"))))


# ===========================================================================
# principals
# ===========================================================================

def gen_principals():
    a = "principals"
    get = "s3:GetObject"
    # P1: account shorthand == :root
    for fn, prin, in [("P1_account_id_shorthand_grants_cross_account", aws(A)),
                      ("P1_root_arn_grants_cross_account", aws(ROOT_A))]:
        case(a, fn, f"P1: bucket in B allows {json.dumps(prin)}; alice (A) with ID-Allow -> allowed",
             R(get, OBJ_B, ra=B), ALLOWED,
             pols(identity=P(Allow("s3:*", "*")),
                  resource=P(RS("Allow", get, f"{BUCKET_B}/*", prin))))
    case(a, "P1_root_arn_same_account_without_identity_policy",
         "P1: bucket allows arn:aws:iam::A:root; alice with no identity policy -> implicit deny (as P2)",
         R(get, OBJ), IDENY, pols(resource=P(RS("Allow", get, f"{BUCKET}/*", aws(ROOT_A)))))
    case(a, "P1_root_arn_grants_cross_account_role_session",
         "P1: bucket in B allows arn:aws:iam::A:root; role session of A with ID-Allow -> allowed",
         R(get, OBJ_B, SESS, ra=B), ALLOWED,
         pols(identity=P(Allow("s3:*", "*")), resource=P(RS("Allow", get, f"{BUCKET_B}/*", aws(ROOT_A)))))
    case(a, "P2_account_principal_same_account_needs_identity_allow",
         "P2: same account; bucket allows {AWS: A} only; user without identity policy -> implicit deny",
         R(get, OBJ), IDENY, pols(resource=P(RS("Allow", get, f"{BUCKET}/*", aws(A)))))
    case(a, "P2_account_principal_same_account_with_identity_allow",
         "P2: same account; bucket allows {AWS: A}; user has ID-Allow s3:GetObject -> allowed",
         R(get, OBJ), ALLOWED,
         pols(identity=P(Allow(get, "*")), resource=P(RS("Allow", get, f"{BUCKET}/*", aws(A)))))
    case(a, "P3_star_principal_same_account_without_identity_policy",
         "P3: same account; bucket Principal * Allow; user without identity policy -> allowed",
         R(get, OBJ), ALLOWED, pols(resource=P(RS("Allow", get, f"{BUCKET}/*", "*"))))
    case(a, "aws_star_principal_same_account_without_identity_policy",
         "Principal {AWS: *} behaves like *: user without identity policy -> allowed",
         R(get, OBJ), ALLOWED, pols(resource=P(RS("Allow", get, f"{BUCKET}/*", aws("*")))))
    for fn, prin, exp in [("P4_anonymous_star_principal_allows", "*", ALLOWED),
                          ("P4_anonymous_aws_star_principal_allows", aws("*"), ALLOWED),
                          ("P4_anonymous_account_principal_denies", aws(A), IDENY),
                          ("P4_anonymous_service_principal_denies", svc("s3.amazonaws.com"), IDENY)]:
        case(a, fn, f"P4: anonymous caller; bucket Allow Principal {json.dumps(prin)}",
             R(get, OBJ, ANON, ra=A), exp, pols(resource=P(RS("Allow", get, f"{BUCKET}/*", prin))))
    case(a, "P5_role_arn_with_path_matches_session",
         "P5: bucket names arn:aws:iam::A:role/team/Dev; caller session assumed-role/Dev/s1 (role given) -> allowed",
         R(get, OBJ, SESS), ALLOWED, pols(resource=P(RS("Allow", get, f"{BUCKET}/*", aws(ROLE_DEV)))))
    case(a, "P5_role_arn_matches_session_by_name_without_role_arn",
         "P5: bucket names role/team/Dev; session without principalRoleArn -> matched by account + role name",
         R(get, OBJ, SESS, role=None), ALLOWED,
         pols(resource=P(RS("Allow", get, f"{BUCKET}/*", aws(ROLE_DEV)))))
    case(a, "P6_session_arn_does_not_match_other_session",
         "P6: bucket names assumed-role/Dev/s1; caller assumed-role/Dev/s2 (no identity policy) -> implicit deny",
         R(get, OBJ, SESS2), IDENY, pols(resource=P(RS("Allow", get, f"{BUCKET}/*", aws(SESS)))))
    case(a, "P7_deny_role_arn_applies_to_session",
         "P7: bucket Deny names role/team/Dev; caller session of Dev with ID-Allow s3:* -> explicit deny",
         R(get, OBJ, SESS), EDENY,
         pols(identity=P(Allow("s3:*", "*")), resource=P(RS("Deny", "s3:*", f"{BUCKET}/*", aws(ROLE_DEV)))))
    np_bob = P(RS("Deny", "s3:*", f"{BUCKET_B}/*", None, notprincipal=aws(BOB_B)))
    case(a, "P8_notprincipal_user_only_strict_chain_denies",
         "P8: bucket Deny NotPrincipal {AWS: B user/Bob}; caller Bob -> explicit deny (account not listed)",
         R(get, OBJ_B, BOB_B), EDENY, pols(identity=P(Allow("s3:*", "*")), resource=np_bob))
    np_bob2 = P(RS("Deny", "s3:*", f"{BUCKET_B}/*", None, notprincipal=aws(ROOT_B, BOB_B)))
    case(a, "P8_notprincipal_user_and_account_excludes",
         "P8: NotPrincipal lists B:root and user/Bob; caller Bob with ID-Allow -> not denied, allowed",
         R(get, OBJ_B, BOB_B), ALLOWED, pols(identity=P(Allow("s3:*", "*")), resource=np_bob2))
    case(a, "P9_notprincipal_deny_always_applies_with_boundary",
         "P9: as P8 with account listed, but Bob has a permissions boundary -> explicit deny",
         R(get, OBJ_B, BOB_B), EDENY,
         pols(identity=P(Allow("s3:*", "*")), resource=np_bob2, boundary=P(Allow("s3:*", "*"))))
    p10 = P(RS("Deny", get, f"{BUCKET}/*", "*", condition={"ArnEquals": {"aws:PrincipalArn": ROOT_A}}))
    case(a, "P10_principalarn_root_does_not_match_user",
         "P10: bucket Deny * if ArnEquals aws:PrincipalArn A:root; caller user alice -> condition false, allowed",
         R(get, OBJ, ctx={"aws:PrincipalArn": ALICE}), ALLOWED,
         pols(identity=P(Allow(get, "*")), resource=p10))
    case(a, "P10_principalarn_root_matches_root_user",
         "P10: same Deny; caller root of A (aws:PrincipalArn = A:root) -> explicit deny",
         R(get, OBJ, ROOT_A, ctx={"aws:PrincipalArn": ROOT_A}), EDENY, pols(resource=p10))
    p11 = P(RS("Allow", "sns:Publish", TOPIC, svc("s3.amazonaws.com")))
    case(a, "P11_service_principal_exact_match",
         "P11: topic policy Allow {Service: s3.amazonaws.com}; caller s3.amazonaws.com -> allowed",
         R("sns:Publish", TOPIC, "s3.amazonaws.com"), ALLOWED, pols(resource=p11))
    case(a, "P11_regional_service_principal_does_not_match",
         "P11: same topic policy; caller s3.ap-east-1.amazonaws.com -> implicit deny",
         R("sns:Publish", TOPIC, "s3.ap-east-1.amazonaws.com"), IDENY, pols(resource=p11))

    # extras
    case(a, "user_arn_principal_case_sensitive",
         "Bucket names user/Alice; caller user/alice (no identity policy) -> no match, implicit deny",
         R(get, OBJ), IDENY,
         pols(resource=P(RS("Allow", get, f"{BUCKET}/*", aws(f"arn:aws:iam::{A}:user/Alice")))))
    case(a, "principal_list_any_item_matches",
         "Bucket Principal AWS list [bob, alice]; caller alice without identity policy -> allowed",
         R(get, OBJ), ALLOWED, pols(resource=P(RS("Allow", get, f"{BUCKET}/*", aws(BOB_A, ALICE)))))
    case(a, "other_user_principal_does_not_match",
         "Bucket names user bob; caller alice without identity policy -> implicit deny",
         R(get, OBJ), IDENY, pols(resource=P(RS("Allow", get, f"{BUCKET}/*", aws(BOB_A)))))
    case(a, "same_role_name_other_account_does_not_match",
         "Bucket (A) names arn:aws:iam::B:role/Dev; caller session of A's Dev (no identity policy) -> implicit deny",
         R(get, OBJ, SESS), IDENY, pols(resource=P(RS("Allow", get, f"{BUCKET}/*", aws(ROLE_DEV_B)))))
    case(a, "session_arn_principal_matches_exact_session",
         "Bucket names assumed-role/Dev/s1; caller s1 without identity policy -> allowed",
         R(get, OBJ, SESS), ALLOWED, pols(resource=P(RS("Allow", get, f"{BUCKET}/*", aws(SESS)))))
    case(a, "federated_user_arn_principal_matches_session",
         "Bucket names federated-user/Bob; caller that session (no identity or session policy) -> allowed",
         R(get, OBJ, FED, fed=ALICE), ALLOWED, pols(resource=P(RS("Allow", get, f"{BUCKET}/*", aws(FED)))))
    case(a, "federated_user_arn_does_not_match_other_name",
         "Bucket names federated-user/Bob; caller federated-user/Carol -> implicit deny",
         R(get, OBJ, FED_CAROL, fed=ALICE), IDENY, pols(resource=P(RS("Allow", get, f"{BUCKET}/*", aws(FED)))))
    case(a, "service_principal_in_list_matches",
         "Topic policy Service [ecs, s3]; caller s3.amazonaws.com -> allowed",
         R("sns:Publish", TOPIC, "s3.amazonaws.com"), ALLOWED,
         pols(resource=P(RS("Allow", "sns:Publish", TOPIC, svc("ecs.amazonaws.com", "s3.amazonaws.com")))))
    case(a, "service_principal_matched_by_star",
         "Topic policy Principal *; caller s3.amazonaws.com -> allowed (WILDCARD)",
         R("sns:Publish", TOPIC, "s3.amazonaws.com"), ALLOWED,
         pols(resource=P(RS("Allow", "sns:Publish", TOPIC, "*"))))
    case(a, "service_principal_not_matched_by_account",
         "Topic policy Principal {AWS: A}; caller s3.amazonaws.com -> implicit deny",
         R("sns:Publish", TOPIC, "s3.amazonaws.com"), IDENY,
         pols(resource=P(RS("Allow", "sns:Publish", TOPIC, aws(A)))))
    q = P(RS("Allow", "sqs:SendMessage", QUEUE, svc("sns.amazonaws.com"),
             condition={"ArnEquals": {"aws:SourceArn": TOPIC}}))
    case(a, "service_principal_with_matching_source_arn",
         "Queue policy allows sns.amazonaws.com if aws:SourceArn is the topic; matching -> allowed",
         R("sqs:SendMessage", QUEUE, "sns.amazonaws.com", ctx={"aws:SourceArn": TOPIC, "aws:SourceAccount": A}),
         ALLOWED, pols(resource=q))
    case(a, "service_principal_with_other_source_arn",
         "Queue policy allows sns.amazonaws.com if aws:SourceArn is the topic; other topic -> implicit deny",
         R("sqs:SendMessage", QUEUE, "sns.amazonaws.com",
           ctx={"aws:SourceArn": f"arn:aws:sns:us-east-1:{B}:alerts", "aws:SourceAccount": B}),
         IDENY, pols(resource=q))
    case(a, "deny_account_principal_denies_role_session",
         "Bucket Deny {AWS: A}; role session of A with ID-Allow -> explicit deny (ACCOUNT class denies all of A)",
         R(get, OBJ, SESS), EDENY,
         pols(identity=P(Allow("s3:*", "*")), resource=P(RS("Deny", "s3:*", f"{BUCKET}/*", aws(A)))))
    case(a, "deny_session_arn_spares_other_session",
         "Bucket Deny names session s1; caller s2 with ID-Allow -> allowed",
         R(get, OBJ, SESS2), ALLOWED,
         pols(identity=P(Allow("s3:*", "*")), resource=P(RS("Deny", "s3:*", f"{BUCKET}/*", aws(SESS)))))
    np_full = P(RS("Deny", "s3:*", f"{BUCKET}/*", None, notprincipal=aws(ROOT_A, ROLE_DEV, SESS)))
    case(a, "notprincipal_session_full_chain_excluded",
         "Bucket Deny NotPrincipal [A:root, role/team/Dev, session s1]; caller s1 with ID-Allow -> allowed",
         R(get, OBJ, SESS), ALLOWED, pols(identity=P(Allow("s3:*", "*")), resource=np_full))
    np_noacct = P(RS("Deny", "s3:*", f"{BUCKET}/*", None, notprincipal=aws(ROLE_DEV, SESS)))
    case(a, "notprincipal_session_without_account_denies",
         "Bucket Deny NotPrincipal [role/team/Dev, session s1] (account missing); caller s1 -> explicit deny (strict chain)",
         R(get, OBJ, SESS), EDENY, pols(identity=P(Allow("s3:*", "*")), resource=np_noacct))
    case(a, "notprincipal_other_account_caller_denied",
         "Bucket in B: Deny NotPrincipal {AWS: B:root}; caller alice of A (bucket Allow + ID-Allow) -> explicit deny",
         R(get, OBJ_B, ra=B), EDENY,
         pols(identity=P(Allow("s3:*", "*")),
              resource=P(RS("Allow", get, f"{BUCKET_B}/*", aws(ALICE)),
                         RS("Deny", "s3:*", f"{BUCKET_B}/*", None, notprincipal=aws(ROOT_B)))))



# ===========================================================================
# conditions: string
# ===========================================================================

def gen_conditions_string():
    a = "conditions_string"
    john = f"arn:aws:iam::{A}:user/John"
    cond(a, "C1_string_equals_is_case_sensitive",
         "C1: StringEquals aws:username 'john' vs 'John' is false",
         {"StringEquals": {"aws:username": "john"}}, {"aws:username": "John"}, False, principal=john)
    cond(a, "C1_string_equals_ignore_case_matches",
         "C1: StringEqualsIgnoreCase aws:username 'john' vs 'John' is true",
         {"StringEqualsIgnoreCase": {"aws:username": "john"}}, {"aws:username": "John"}, True, principal=john)
    cond(a, "C2_condition_key_name_is_case_insensitive",
         "C2: policy key AWS:SourceIP is the same key as context aws:SourceIp",
         {"IpAddress": {"AWS:SourceIP": "203.0.113.0/24"}}, {"aws:SourceIp": "203.0.113.5"}, True)
    tag = "aws:RequestTag/k"
    put = dict(action="s3:PutObject")
    cond(a, "C3_string_equals_star_is_literal",
         "C3: StringEquals k '*' vs 'abc' is false (no wildcards)",
         {"StringEquals": {tag: "*"}}, {tag: "abc"}, False, **put)
    cond(a, "C3_string_like_star_matches_any",
         "C3: StringLike k '*' vs 'abc' is true",
         {"StringLike": {tag: "*"}}, {tag: "abc"}, True, **put)
    cond(a, "C3_string_like_star_matches_empty",
         "C3: StringLike k '*' vs '' is true",
         {"StringLike": {tag: "*"}}, {tag: ""}, True, **put)
    c4 = {"StringNotEquals": {"aws:PrincipalAccount": [A, B]}}
    cond(a, "C4_string_not_equals_list_caller_in_listed_account",
         "C4: StringNotEquals aws:PrincipalAccount [A,B]; caller in A -> false",
         c4, {"aws:PrincipalAccount": A}, False)
    cond(a, "C4_string_not_equals_list_caller_in_other_account",
         "C4: StringNotEquals aws:PrincipalAccount [A,B]; caller in C -> true",
         c4, {"aws:PrincipalAccount": C}, True, principal=f"arn:aws:iam::{C}:user/carol")
    job = "aws:PrincipalTag/job"
    for fn, op, res in [("C5_string_equals_missing_key_false", "StringEquals", False),
                        ("C5_string_not_equals_missing_key_true", "StringNotEquals", True),
                        ("C5_string_equals_if_exists_missing_key_true", "StringEqualsIfExists", True),
                        ("C5_string_not_equals_if_exists_missing_key_true", "StringNotEqualsIfExists", True)]:
        cond(a, fn, f"C5: {op} on an absent key is {str(res).lower()}",
             {op: {job: "admin"}}, None, res)
    c27 = {"StringEquals": {"aws:PrincipalTag/dept": ["hr", "legal"], "aws:PrincipalAccount": A}}
    cond(a, "C27_two_keys_are_anded_one_fails",
         "C27: StringEquals dept in [hr,legal] AND PrincipalAccount=A; dept=hr, caller in B -> false",
         c27, {"aws:PrincipalTag/dept": "hr", "aws:PrincipalAccount": B}, False,
         principal=CAROL_B, resource=OBJ_B)
    cond(a, "C27_two_keys_are_anded_both_hold",
         "C27 (variant): same block; dept=legal, caller in A -> true",
         c27, {"aws:PrincipalTag/dept": "legal", "aws:PrincipalAccount": A}, True)

    env = "aws:RequestTag/env"
    for fn, name, c, v, res, eff in [
        ("string_equals_exact_match", "StringEquals env 'prod' vs 'prod'", {"StringEquals": {env: "prod"}}, "prod", True, "Allow"),
        ("string_equals_values_are_ored", "StringEquals env [dev, prod] vs 'prod' (values OR-ed)", {"StringEquals": {env: ["dev", "prod"]}}, "prod", True, "Allow"),
        ("string_equals_no_value_matches", "StringEquals env [dev, test] vs 'prod'", {"StringEquals": {env: ["dev", "test"]}}, "prod", False, "Allow"),
        ("string_equals_tag_value_case_sensitive", "StringEquals env 'Prod' vs 'prod' (tag values are case-sensitive)", {"StringEquals": {env: "Prod"}}, "prod", False, "Allow"),
        ("string_not_equals_different_value", "StringNotEquals env 'prod' vs 'dev'", {"StringNotEquals": {env: "prod"}}, "dev", True, "Allow"),
        ("string_not_equals_same_value", "StringNotEquals env 'prod' vs 'prod'", {"StringNotEquals": {env: "prod"}}, "prod", False, "Allow"),
        ("string_equals_ignore_case_other_value", "StringEqualsIgnoreCase env 'prod' vs 'production'", {"StringEqualsIgnoreCase": {env: "prod"}}, "production", False, "Allow"),
        ("string_equals_ignore_case_values_are_ored", "StringEqualsIgnoreCase env [DEV, PROD] vs 'prod'", {"StringEqualsIgnoreCase": {env: ["DEV", "PROD"]}}, "prod", True, "Allow"),
        ("string_not_equals_ignore_case_same_letters", "StringNotEqualsIgnoreCase env 'PROD' vs 'prod'", {"StringNotEqualsIgnoreCase": {env: "PROD"}}, "prod", False, "Allow"),
        ("string_not_equals_ignore_case_other_value", "StringNotEqualsIgnoreCase env 'PROD' vs 'dev'", {"StringNotEqualsIgnoreCase": {env: "PROD"}}, "dev", True, "Allow"),
        ("string_like_prefix_match", "StringLike env 'prod-*' vs 'prod-eu'", {"StringLike": {env: "prod-*"}}, "prod-eu", True, "Allow"),
        ("string_like_prefix_no_match", "StringLike env 'prod-*' vs 'dev-eu'", {"StringLike": {env: "prod-*"}}, "dev-eu", False, "Allow"),
        ("string_like_question_mark_one_char", "StringLike env 'ab?' vs 'abc'", {"StringLike": {env: "ab?"}}, "abc", True, "Allow"),
        ("string_like_question_mark_not_two_chars", "StringLike env 'ab?' vs 'abcd'", {"StringLike": {env: "ab?"}}, "abcd", False, "Allow"),
        ("string_like_is_case_sensitive", "StringLike env 'Prod*' vs 'prod-1'", {"StringLike": {env: "Prod*"}}, "prod-1", False, "Allow"),
        ("string_like_wildcard_in_middle", "StringLike env 'p*-eu' vs 'prod-eu'", {"StringLike": {env: "p*-eu"}}, "prod-eu", True, "Allow"),
        ("string_like_values_are_ored", "StringLike env [dev-*, prod-*] vs 'prod-1'", {"StringLike": {env: ["dev-*", "prod-*"]}}, "prod-1", True, "Allow"),
        ("string_not_like_no_match_is_true", "StringNotLike env 'prod-*' vs 'dev'", {"StringNotLike": {env: "prod-*"}}, "dev", True, "Allow"),
        ("string_not_like_match_is_false", "StringNotLike env 'prod-*' vs 'prod-1'", {"StringNotLike": {env: "prod-*"}}, "prod-1", False, "Allow"),
        ("string_not_like_values_must_all_miss", "StringNotLike env [dev-*, prod-*] vs 'prod-1' (must match none)", {"StringNotLike": {env: ["dev-*", "prod-*"]}}, "prod-1", False, "Allow"),
        ("string_equals_star_value_matches_literal_star", "StringEquals env '*' vs '*' (literal)", {"StringEquals": {env: "*"}}, "*", True, "Allow"),
        ("string_equals_unquoted_number_value", "StringEquals env 10 (JSON number) vs '10'", {"StringEquals": {env: 10}}, "10", True, "Allow"),
        ("string_equals_empty_string", "StringEquals env '' vs ''", {"StringEquals": {env: ""}}, "", True, "Allow"),
        ("string_like_empty_pattern_needs_empty_value", "StringLike env '' vs 'a'", {"StringLike": {env: ""}}, "a", False, "Allow"),
        ("deny_string_equals_match_denies", "Deny if StringEquals env 'prod'; env=prod -> explicit deny", {"StringEquals": {env: "prod"}}, "prod", True, "Deny"),
        ("deny_string_equals_mismatch_not_denied", "Deny if StringEquals env 'prod'; env=dev -> allowed", {"StringEquals": {env: "prod"}}, "dev", False, "Deny"),
    ]:
        cond(a, fn, name, c, {env: v}, res, effect=eff, action="s3:PutObject")
    cond(a, "string_not_like_missing_key_is_true",
         "StringNotLike aws:PrincipalTag/job 'adm*' with the tag absent is true",
         {"StringNotLike": {job: "adm*"}}, None, True)
    two = {"StringEquals": {env: "prod", "aws:RequestTag/owner": "alice"}}
    cond(a, "several_keys_in_one_operator_all_hold",
         "Two keys under one StringEquals: both match -> true",
         two, {env: "prod", "aws:RequestTag/owner": "alice"}, True, action="s3:PutObject")
    cond(a, "several_keys_in_one_operator_one_fails",
         "Two keys under one StringEquals: owner differs -> false",
         two, {env: "prod", "aws:RequestTag/owner": "bob"}, False, action="s3:PutObject")
    twoops = {"StringEquals": {env: "prod"}, "StringLike": {"aws:RequestTag/owner": "a*"}}
    cond(a, "several_operators_all_hold",
         "StringEquals env=prod AND StringLike owner a*: both hold -> true",
         twoops, {env: "prod", "aws:RequestTag/owner": "alice"}, True, action="s3:PutObject")
    cond(a, "several_operators_one_fails",
         "StringEquals env=prod AND StringLike owner a*: owner bob -> false",
         twoops, {env: "prod", "aws:RequestTag/owner": "bob"}, False, action="s3:PutObject")
    reg = {"StringNotEquals": {"aws:RequestedRegion": ["us-east-1", "eu-west-1"]}}
    cond(a, "deny_region_outside_list",
         "Deny if StringNotEquals aws:RequestedRegion [us-east-1, eu-west-1]; ap-south-1 -> explicit deny",
         reg, {"aws:RequestedRegion": "ap-south-1"}, True, effect="Deny")
    cond(a, "deny_region_inside_list",
         "Deny if StringNotEquals aws:RequestedRegion [us-east-1, eu-west-1]; eu-west-1 -> allowed",
         reg, {"aws:RequestedRegion": "eu-west-1"}, False, effect="Deny")
    cond(a, "tag_key_suffix_is_case_insensitive",
         "Policy key aws:PrincipalTag/Team matches context key aws:PrincipalTag/team",
         {"StringEquals": {"aws:PrincipalTag/Team": "red"}}, {"aws:PrincipalTag/team": "red"}, True)


# ===========================================================================
# conditions: numeric
# ===========================================================================

def gen_conditions_numeric():
    a = "conditions_numeric"
    mk = "s3:max-keys"

    def num(fn, name, op, pv, rv, res, effect="Allow"):
        cond(a, fn, name, {op: {mk: pv}}, None if rv is None else {mk: rv}, res,
             effect=effect, action="s3:ListBucket", resource=BUCKET)

    num("C15_less_than_equals_equal_value", "C15: NumericLessThanEquals s3:max-keys 10 vs 10 -> true",
        "NumericLessThanEquals", "10", "10", True)
    num("C15_less_than_equals_greater_value", "C15: NumericLessThanEquals s3:max-keys 10 vs 11 -> false",
        "NumericLessThanEquals", "10", "11", False)
    num("C15_less_than_equals_missing_key", "C15: NumericLessThanEquals s3:max-keys 10, key absent -> false",
        "NumericLessThanEquals", "10", None, False)
    num("C15_numeric_equals_ignores_trailing_zeros", "C15: NumericEquals 10 vs 10.00 -> true",
        "NumericEquals", "10", "10.00", True)
    for fn, op, pv, rv, res in [
        ("numeric_equals_same", "NumericEquals", "10", "10", True),
        ("numeric_equals_different", "NumericEquals", "10", "11", False),
        ("numeric_not_equals_different", "NumericNotEquals", "10", "11", True),
        ("numeric_not_equals_same_value_other_spelling", "NumericNotEquals", "10", "10.0", False),
        ("numeric_less_than_smaller", "NumericLessThan", "10", "9", True),
        ("numeric_less_than_equal_is_false", "NumericLessThan", "10", "10", False),
        ("numeric_greater_than_larger", "NumericGreaterThan", "10", "11", True),
        ("numeric_greater_than_equal_is_false", "NumericGreaterThan", "10", "10", False),
        ("numeric_greater_than_equals_equal", "NumericGreaterThanEquals", "10", "10", True),
        ("numeric_greater_than_equals_smaller", "NumericGreaterThanEquals", "10", "9", False),
        ("numeric_less_than_decimal", "NumericLessThan", "2", "1.5", True),
        ("numeric_less_than_decimal_policy_value", "NumericLessThan", "1.5", "2", False),
        ("numeric_less_than_negative", "NumericLessThan", "0", "-1", True),
        ("numeric_less_than_non_numeric_request_value", "NumericLessThan", "10", "abc", False),
        ("numeric_not_equals_non_numeric_request_value", "NumericNotEquals", "10", "abc", True),
        ("numeric_equals_values_are_ored", "NumericEquals", ["5", "10"], "10", True),
        ("numeric_not_equals_values_anded_one_equal", "NumericNotEquals", ["5", "10"], "10", False),
        ("numeric_not_equals_values_anded_none_equal", "NumericNotEquals", ["5", "10"], "7", True),
        ("numeric_less_than_if_exists_missing_key", "NumericLessThanIfExists", "10", None, True),
        ("numeric_less_than_if_exists_present_too_large", "NumericLessThanIfExists", "10", "20", False),
        ("numeric_less_than_if_exists_present_ok", "NumericLessThanIfExists", "10", "5", True),
        ("numeric_not_equals_missing_key", "NumericNotEquals", "10", None, True),
        ("numeric_not_equals_if_exists_missing_key", "NumericNotEqualsIfExists", "10", None, True),
        ("numeric_greater_than_missing_key", "NumericGreaterThan", "10", None, False),
        ("numeric_equals_missing_key", "NumericEquals", "10", None, False),
        ("numeric_unquoted_json_number", "NumericLessThan", 10, "5", True),
    ]:
        rvs = "absent" if rv is None else repr(rv)
        num(fn, f"{op} {json.dumps(pv)} vs {rvs} -> {str(res).lower()}", op, pv, rv, res)
    cond(a, "for_any_value_numeric_greater_than",
         "ForAnyValue:NumericGreaterThan 10 with [1, 20] -> true",
         {"ForAnyValue:NumericGreaterThan": {mk: "10"}}, {mk: ["1", "20"]}, True,
         action="s3:ListBucket", resource=BUCKET)
    cond(a, "for_all_values_numeric_less_than_one_fails",
         "ForAllValues:NumericLessThan 10 with [1, 20] -> false",
         {"ForAllValues:NumericLessThan": {mk: "10"}}, {mk: ["1", "20"]}, False,
         action="s3:ListBucket", resource=BUCKET)
    cond(a, "for_all_values_numeric_less_than_all_hold",
         "ForAllValues:NumericLessThan 10 with [1, 2] -> true",
         {"ForAllValues:NumericLessThan": {mk: "10"}}, {mk: ["1", "2"]}, True,
         action="s3:ListBucket", resource=BUCKET)
    mfa = {"NumericGreaterThan": {"aws:MultiFactorAuthAge": "3600"}}
    cond(a, "deny_mfa_age_too_old", "Deny if NumericGreaterThan aws:MultiFactorAuthAge 3600; age 7200 -> explicit deny",
         mfa, {"aws:MultiFactorAuthAge": "7200"}, True, effect="Deny", principal=SESS)
    cond(a, "deny_mfa_age_recent", "Deny if NumericGreaterThan aws:MultiFactorAuthAge 3600; age 60 -> allowed",
         mfa, {"aws:MultiFactorAuthAge": "60"}, False, effect="Deny", principal=SESS)


# ===========================================================================
# conditions: date
# ===========================================================================

def gen_conditions_date():
    a = "conditions_date"
    ct = "aws:CurrentTime"
    ti = "aws:TokenIssueTime"
    c16 = {"DateGreaterThan": {ti: "2020-01-01T00:00:01Z"}}
    cond(a, "C16_token_issue_time_after_iso",
         "C16: DateGreaterThan aws:TokenIssueTime 2020-01-01T00:00:01Z; issued 2021-05-01T00:00:00Z -> true",
         c16, {ti: "2021-05-01T00:00:00Z"}, True, principal=SESS)
    cond(a, "C16_token_issue_time_after_epoch_policy_value",
         "C16: DateGreaterThan aws:TokenIssueTime '1577836801' (epoch); issued 2021-05-01T00:00:00Z -> true",
         {"DateGreaterThan": {ti: "1577836801"}}, {ti: "2021-05-01T00:00:00Z"}, True, principal=SESS)
    cond(a, "C16_token_issue_time_absent_for_long_term_keys",
         "C16: DateGreaterThan aws:TokenIssueTime; long-term keys (key absent) -> false",
         c16, None, False)
    c17 = {"DateLessThan": {ct: "2020-06-30"}}
    cond(a, "C17_date_only_less_than_just_before_midnight",
         "C17: DateLessThan aws:CurrentTime 2020-06-30 at 2020-06-29T23:59:59Z -> true",
         c17, {ct: "2020-06-29T23:59:59Z"}, True)
    cond(a, "C17_date_only_less_than_at_midnight",
         "C17: DateLessThan aws:CurrentTime 2020-06-30 at 2020-06-30T00:00:00Z -> false",
         c17, {ct: "2020-06-30T00:00:00Z"}, False)
    for fn, op, pv, rv, res in [
        ("date_equals_same_instant", "DateEquals", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", True),
        ("date_equals_same_instant_other_offset", "DateEquals", "2020-01-01T00:00:00Z", "2020-01-01T01:00:00+01:00", True),
        ("date_equals_date_only_is_midnight", "DateEquals", "2020-06-30", "2020-06-30T00:00:00Z", True),
        ("date_equals_date_only_not_noon", "DateEquals", "2020-06-30", "2020-06-30T12:00:00Z", False),
        ("date_not_equals_date_only_vs_noon", "DateNotEquals", "2020-06-30", "2020-06-30T12:00:00Z", True),
        ("date_not_equals_same_instant", "DateNotEquals", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", False),
        ("date_less_than_equals_equal", "DateLessThanEquals", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", True),
        ("date_less_than_equals_later", "DateLessThanEquals", "2020-01-01T00:00:00Z", "2020-01-01T00:00:01Z", False),
        ("date_greater_than_equals_equal", "DateGreaterThanEquals", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", True),
        ("date_greater_than_equals_earlier", "DateGreaterThanEquals", "2020-01-01T00:00:00Z", "2019-12-31T23:59:59Z", False),
        ("date_greater_than_equal_is_false", "DateGreaterThan", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", False),
        ("date_equals_epoch_policy_iso_request", "DateEquals", "1577836800", "2020-01-01T00:00:00Z", True),
        ("date_less_than_epoch_both_sides", "DateLessThan", "1700000000", "1600000000", True),
        ("date_greater_than_fractional_seconds", "DateGreaterThan", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00.500Z", True),
        ("date_less_than_year_month_before", "DateLessThan", "2020-06", "2020-05-31T23:59:59Z", True),
        ("date_less_than_year_month_at_start", "DateLessThan", "2020-06", "2020-06-01T00:00:00Z", False),
        ("date_minutes_without_seconds", "DateGreaterThanEquals", "2020-01-01T10:30Z", "2020-01-01T10:30:00Z", True),
        ("date_negative_offset_later_in_utc", "DateLessThan", "2020-01-01T00:00:00Z", "2019-12-31T20:00:00-05:00", False),
        ("date_negative_offset_earlier_in_utc", "DateLessThan", "2020-01-01T00:00:00Z", "2019-12-31T18:00:00-05:00", True),
        ("date_all_digit_value_is_epoch_seconds", "DateGreaterThan", "2030", "2020-01-01T00:00:00Z", True),
        ("date_unparseable_request_value", "DateLessThan", "2030-01-01T00:00:00Z", "yesterday", False),
        ("date_equals_values_are_ored", "DateEquals", ["2020-01-01", "2021-01-01"], "2021-01-01T00:00:00Z", True),
        ("date_less_than_if_exists_missing_key", "DateLessThanIfExists", "2020-01-01T00:00:00Z", None, True),
        ("date_less_than_if_exists_present_later", "DateLessThanIfExists", "2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z", False),
        ("date_greater_than_missing_key", "DateGreaterThan", "2020-01-01T00:00:00Z", None, False),
        ("date_not_equals_missing_key", "DateNotEquals", "2020-01-01T00:00:00Z", None, True),
    ]:
        rvs = "absent" if rv is None else rv
        cond(a, fn, f"{op} aws:CurrentTime {json.dumps(pv)} vs {rvs} -> {str(res).lower()}",
             {op: {ct: pv}}, None if rv is None else {ct: rv}, res)
    cond(a, "date_equals_iso_policy_epoch_request",
         "DateEquals aws:EpochTime 2020-01-01T00:00:00Z vs epoch request value 1577836800 -> true",
         {"DateEquals": {"aws:EpochTime": "2020-01-01T00:00:00Z"}}, {"aws:EpochTime": "1577836800"}, True)
    exp = {"DateGreaterThan": {ct: "2025-01-01T00:00:00Z"}}
    cond(a, "deny_after_expiry_date_denies",
         "Deny if DateGreaterThan aws:CurrentTime 2025-01-01T00:00:00Z at 2025-06-01 -> explicit deny",
         exp, {ct: "2025-06-01T00:00:00Z"}, True, effect="Deny")
    cond(a, "deny_after_expiry_date_before_expiry",
         "Deny if DateGreaterThan aws:CurrentTime 2025-01-01T00:00:00Z at 2024-06-01 -> allowed",
         exp, {ct: "2024-06-01T00:00:00Z"}, False, effect="Deny")
    window = {"DateGreaterThan": {ct: "2020-01-01T00:00:00Z"}, "DateLessThan": {ct: "2020-12-31T23:59:59Z"}}
    cond(a, "date_window_inside", "DateGreaterThan AND DateLessThan on aws:CurrentTime: inside the window -> true",
         window, {ct: "2020-07-01T12:00:00Z"}, True)
    cond(a, "date_window_outside", "DateGreaterThan AND DateLessThan on aws:CurrentTime: after the window -> false",
         window, {ct: "2021-07-01T12:00:00Z"}, False)


# ===========================================================================
# conditions: bool and binary
# ===========================================================================

def gen_conditions_bool_binary():
    a = "conditions_bool_binary"
    st = "aws:SecureTransport"
    mfa = "aws:MultiFactorAuthPresent"
    for fn, name, c, ctx, res, eff in [
        ("bool_true_matches_true", "Bool aws:SecureTransport 'true' vs 'true'", {"Bool": {st: "true"}}, {st: "true"}, True, "Allow"),
        ("bool_true_vs_false", "Bool aws:SecureTransport 'true' vs 'false'", {"Bool": {st: "true"}}, {st: "false"}, False, "Allow"),
        ("bool_missing_key_false", "Bool aws:SecureTransport 'true', key absent", {"Bool": {st: "true"}}, None, False, "Allow"),
        ("bool_if_exists_missing_key_true", "BoolIfExists aws:SecureTransport 'true', key absent", {"BoolIfExists": {st: "true"}}, None, True, "Allow"),
        ("bool_if_exists_present_false", "BoolIfExists aws:SecureTransport 'true' vs 'false'", {"BoolIfExists": {st: "true"}}, {st: "false"}, False, "Allow"),
        ("deny_insecure_transport_denies", "Deny if Bool aws:SecureTransport 'false'; request over HTTP -> explicit deny", {"Bool": {st: "false"}}, {st: "false"}, True, "Deny"),
        ("deny_insecure_transport_https_allowed", "Deny if Bool aws:SecureTransport 'false'; request over HTTPS -> allowed", {"Bool": {st: "false"}}, {st: "true"}, False, "Deny"),
        ("bool_unquoted_json_true", "Bool aws:SecureTransport true (JSON boolean) vs 'true'", {"Bool": {st: True}}, {st: "true"}, True, "Allow"),
        ("bool_unquoted_json_false_vs_true", "Bool aws:SecureTransport false (JSON boolean) vs 'true'", {"Bool": {st: False}}, {st: "true"}, False, "Allow"),
        ("bool_policy_value_case_insensitive", "Bool aws:SecureTransport 'TRUE' vs 'true' (case-insensitive)", {"Bool": {st: "TRUE"}}, {st: "true"}, True, "Allow"),
        ("bool_non_boolean_policy_value_never_matches", "Bool aws:SecureTransport 'yes' vs 'true'", {"Bool": {st: "yes"}}, {st: "true"}, False, "Allow"),
        ("bool_both_values_listed_ored", "Bool aws:SecureTransport ['true','false'] vs 'false' (values OR-ed)", {"Bool": {st: ["true", "false"]}}, {st: "false"}, True, "Allow"),
        ("bool_variable_substitution", "Bool aws:SecureTransport '${aws:PrincipalTag/secure}' with tag 'true' vs 'true' (D3: substitution allowed)", {"Bool": {st: "${aws:PrincipalTag/secure}"}}, {st: "true", "aws:PrincipalTag/secure": "true"}, True, "Allow"),
    ]:
        cond(a, fn, name, c, ctx, res, effect=eff)
    c13 = {"BoolIfExists": {mfa: "false"}}
    cond(a, "C13_bool_if_exists_long_term_keys_denied",
         "C13: Deny + BoolIfExists aws:MultiFactorAuthPresent 'false'; long-term keys (key absent) -> explicit deny",
         c13, None, True, effect="Deny")
    cond(a, "C13_bool_if_exists_temporary_without_mfa_denied",
         "C13: Deny + BoolIfExists aws:MultiFactorAuthPresent 'false'; temporary credentials without MFA -> explicit deny",
         c13, {mfa: "false"}, True, effect="Deny", principal=SESS)
    cond(a, "C13_bool_if_exists_temporary_with_mfa_allowed",
         "C13: Deny + BoolIfExists aws:MultiFactorAuthPresent 'false'; temporary credentials with MFA -> allowed",
         c13, {mfa: "true"}, False, effect="Deny", principal=SESS)
    cond(a, "C14_bool_long_term_keys_not_denied",
         "C14: Deny + Bool aws:MultiFactorAuthPresent 'false'; long-term keys (key absent) -> not denied",
         {"Bool": {mfa: "false"}}, None, False, effect="Deny")

    blob = "aws:RequestTag/blob"
    b64 = "QmluYXJ5VmFsdWVJbkJhc2U2NA=="   # base64("BinaryValueInBase64")
    for fn, name, c, ctx, res in [
        ("C20_binary_equals_decodes_policy_value",
         "C20: BinaryEquals 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' vs request bytes 'BinaryValueInBase64' -> true",
         {"BinaryEquals": {blob: b64}}, {blob: "BinaryValueInBase64"}, True),
        ("binary_equals_other_bytes", "BinaryEquals base64('BinaryValueInBase64') vs bytes 'OtherValue' -> false",
         {"BinaryEquals": {blob: b64}}, {blob: "OtherValue"}, False),
        ("binary_equals_missing_key", "BinaryEquals with the key absent -> false",
         {"BinaryEquals": {blob: b64}}, None, False),
        ("binary_equals_if_exists_missing_key", "BinaryEqualsIfExists with the key absent -> true",
         {"BinaryEqualsIfExists": {blob: b64}}, None, True),
        ("binary_equals_if_exists_present_mismatch", "BinaryEqualsIfExists vs other bytes -> false",
         {"BinaryEqualsIfExists": {blob: b64}}, {blob: "OtherValue"}, False),
        ("binary_equals_invalid_base64_never_matches", "BinaryEquals with invalid base64 policy value '!!notbase64!!' -> false",
         {"BinaryEquals": {blob: "!!notbase64!!"}}, {blob: "!!notbase64!!"}, False),
        ("binary_equals_padding_optional", "BinaryEquals 'QmluYXJ5VmFsdWVJbkJhc2U2NA' (no padding) vs 'BinaryValueInBase64' -> true",
         {"BinaryEquals": {blob: "QmluYXJ5VmFsdWVJbkJhc2U2NA"}}, {blob: "BinaryValueInBase64"}, True),
        ("binary_equals_values_are_ored", "BinaryEquals [base64('x'), base64('BinaryValueInBase64')] -> true",
         {"BinaryEquals": {blob: ["eA==", b64]}}, {blob: "BinaryValueInBase64"}, True),
    ]:
        cond(a, fn, name, c, ctx, res, action="s3:PutObject")


# ===========================================================================
# conditions: IP
# ===========================================================================

def gen_conditions_ip():
    a = "conditions_ip"
    ip = "aws:SourceIp"
    net = "203.0.113.0/24"
    rows = [
        ("C18_ip_in_cidr", "C18: IpAddress 203.0.113.0/24 vs 203.0.113.1", "IpAddress", net, "203.0.113.1", True),
        ("C18_ip_outside_cidr", "C18: IpAddress 203.0.113.0/24 vs 198.51.100.1", "IpAddress", net, "198.51.100.1", False),
        ("C18_bare_address_matches_itself", "C18: IpAddress 203.0.113.7 (= /32) vs 203.0.113.7", "IpAddress", "203.0.113.7", "203.0.113.7", True),
        ("C18_bare_address_is_slash_32", "C18: IpAddress 203.0.113.7 (= /32) vs 203.0.113.8", "IpAddress", "203.0.113.7", "203.0.113.8", False),
        ("C19_ipv4_cidr_vs_ipv6_request", "C19: IpAddress 203.0.113.0/24 vs 2001:db8::1 -> false", "IpAddress", net, "2001:db8::1", False),
        ("C19_not_ip_address_ipv4_cidr_vs_ipv6_request", "C19: NotIpAddress 203.0.113.0/24 vs 2001:db8::1 -> true", "NotIpAddress", net, "2001:db8::1", True),
        ("ipv6_cidr_match", "IpAddress 2001:db8::/32 vs 2001:db8:1234::5", "IpAddress", "2001:db8::/32", "2001:db8:1234::5", True),
        ("ipv6_cidr_no_match", "IpAddress 2001:db8::/32 vs 2001:db9::1", "IpAddress", "2001:db8::/32", "2001:db9::1", False),
        ("ipv6_bare_address_matches_itself", "IpAddress 2001:db8::1 (= /128) vs 2001:db8::1", "IpAddress", "2001:db8::1", "2001:db8::1", True),
        ("ipv6_bare_address_is_slash_128", "IpAddress 2001:db8::1 (= /128) vs 2001:db8::2", "IpAddress", "2001:db8::1", "2001:db8::2", False),
        ("ipv6_expanded_request_form", "IpAddress 2001:db8::/64 vs 2001:0db8:0000:0000:0000:0000:0000:0001", "IpAddress", "2001:db8::/64", "2001:0db8:0000:0000:0000:0000:0000:0001", True),
        ("ipv6_slash_64_boundary", "IpAddress 2001:db8:0:1::/64 vs 2001:db8:0:2::1", "IpAddress", "2001:db8:0:1::/64", "2001:db8:0:2::1", False),
        ("ipv4_request_vs_ipv6_cidr", "IpAddress 2001:db8::/32 vs 203.0.113.1 -> false", "IpAddress", "2001:db8::/32", "203.0.113.1", False),
        ("not_ip_address_ipv4_request_vs_ipv6_cidr", "NotIpAddress 2001:db8::/32 vs 203.0.113.1 -> true", "NotIpAddress", "2001:db8::/32", "203.0.113.1", True),
        ("not_ip_address_inside_range", "NotIpAddress 203.0.113.0/24 vs 203.0.113.9 -> false", "NotIpAddress", net, "203.0.113.9", False),
        ("not_ip_address_outside_range", "NotIpAddress 203.0.113.0/24 vs 198.51.100.1 -> true", "NotIpAddress", net, "198.51.100.1", True),
        ("not_ip_address_missing_key", "NotIpAddress with aws:SourceIp absent -> true", "NotIpAddress", net, None, True),
        ("not_ip_address_several_ranges_inside_one", "NotIpAddress [203.0.113.0/24, 198.51.100.0/24] vs 198.51.100.1 -> false", "NotIpAddress", [net, "198.51.100.0/24"], "198.51.100.1", False),
        ("not_ip_address_several_ranges_inside_none", "NotIpAddress [203.0.113.0/24, 198.51.100.0/24] vs 192.0.2.1 -> true", "NotIpAddress", [net, "198.51.100.0/24"], "192.0.2.1", True),
        ("ip_address_several_ranges_ored", "IpAddress [192.0.2.0/24, 203.0.113.0/24] vs 203.0.113.50", "IpAddress", ["192.0.2.0/24", net], "203.0.113.50", True),
        ("ip_address_if_exists_missing_key", "IpAddressIfExists with aws:SourceIp absent -> true", "IpAddressIfExists", net, None, True),
        ("ip_address_if_exists_present_outside", "IpAddressIfExists 203.0.113.0/24 vs 198.51.100.1 -> false", "IpAddressIfExists", net, "198.51.100.1", False),
        ("not_ip_address_if_exists_missing_key", "NotIpAddressIfExists with aws:SourceIp absent -> true", "NotIpAddressIfExists", net, None, True),
        ("ip_address_host_bits_masked", "IpAddress 203.0.113.5/24 (host bits set, masked) vs 203.0.113.200", "IpAddress", "203.0.113.5/24", "203.0.113.200", True),
        ("ip_address_slash_zero_matches_any_ipv4", "IpAddress 0.0.0.0/0 vs 198.51.100.1", "IpAddress", "0.0.0.0/0", "198.51.100.1", True),
        ("ip_address_slash_31_inside", "IpAddress 203.0.113.0/31 vs 203.0.113.1", "IpAddress", "203.0.113.0/31", "203.0.113.1", True),
        ("ip_address_slash_31_outside", "IpAddress 203.0.113.0/31 vs 203.0.113.2", "IpAddress", "203.0.113.0/31", "203.0.113.2", False),
        ("ip_address_unparseable_request_value", "IpAddress 203.0.113.0/24 vs 'not-an-ip' -> false", "IpAddress", net, "not-an-ip", False),
    ]
    for fn, name, op, pv, rv, res in rows:
        cond(a, fn, name, {op: {ip: pv}}, None if rv is None else {ip: rv}, res)
    cond(a, "C18_missing_source_ip_via_vpc_endpoint",
         "C18: IpAddress aws:SourceIp 203.0.113.0/24; request via VPC endpoint (no aws:SourceIp) -> false",
         {"IpAddress": {ip: net}}, {"aws:SourceVpc": "vpc-1", "aws:SourceVpce": "vpce-1", "aws:VpcSourceIp": "10.0.0.5"}, False)
    cond(a, "vpc_source_ip_private_range",
         "IpAddress aws:VpcSourceIp 10.0.0.0/8 vs 10.1.2.3 -> true",
         {"IpAddress": {"aws:VpcSourceIp": "10.0.0.0/8"}}, {"aws:SourceVpc": "vpc-1", "aws:VpcSourceIp": "10.1.2.3"}, True)
    deny = {"NotIpAddress": {ip: ["203.0.113.0/24", "2001:db8::/32"]}}
    cond(a, "deny_outside_corporate_ranges_denies",
         "Deny if NotIpAddress [203.0.113.0/24, 2001:db8::/32]; caller 198.51.100.1 -> explicit deny",
         deny, {ip: "198.51.100.1"}, True, effect="Deny")
    cond(a, "deny_outside_corporate_ranges_inside_ipv6_allowed",
         "Deny if NotIpAddress [203.0.113.0/24, 2001:db8::/32]; caller 2001:db8::abcd -> allowed",
         deny, {ip: "2001:db8::abcd"}, False, effect="Deny")


# ===========================================================================
# conditions: ARN
# ===========================================================================

def gen_conditions_arn():
    a = "conditions_arn"
    sa = "aws:SourceArn"
    m14p = "arn:aws:someservice:*:111122223333:finance/*"
    m14v = "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt"
    cond(a, "M14_arn_like_wildcard_does_not_cross_parts",
         "M14: ArnLike pattern arn:aws:someservice:*:111122223333:finance/* vs value with account 999999999999 -> false",
         {"ArnLike": {sa: m14p}}, {sa: m14v}, False)
    cond(a, "M14_string_like_wildcard_spans_colons",
         "M14: StringLike with the same pattern and value -> true (* spans colons)",
         {"StringLike": {sa: m14p}}, {sa: m14v}, True)
    cond(a, "M15_arn_like_trailing_star_matches_empty",
         "M15: ArnLike arn:aws:s3:::b* vs arn:aws:s3:::b -> true",
         {"ArnLike": {sa: "arn:aws:s3:::b*"}}, {sa: "arn:aws:s3:::b"}, True)
    cond(a, "M15_arn_like_non_arn_value_false",
         "M15: ArnLike arn:aws:s3:::b* vs 'not-an-arn' -> false",
         {"ArnLike": {sa: "arn:aws:s3:::b*"}}, {sa: "not-an-arn"}, False)
    cond(a, "M15_arn_not_like_non_arn_value_false",
         "M15: ArnNotLike arn:aws:s3:::b* vs 'not-an-arn' -> false (D20)",
         {"ArnNotLike": {sa: "arn:aws:s3:::b*"}}, {sa: "not-an-arn"}, False)
    pa = "aws:PrincipalArn"
    admin = f"arn:aws:iam::{A}:role/Admin"
    admin_b = f"arn:aws:iam::{B}:role/Admin"
    for fn, name, op, pv, rv, res in [
        ("arn_equals_exact", "ArnEquals role/Admin vs role/Admin", "ArnEquals", admin, admin, True),
        ("arn_equals_other_role", "ArnEquals role/Admin vs role/Dev", "ArnEquals", admin, f"arn:aws:iam::{A}:role/Dev", False),
        ("arn_equals_honours_wildcards", "ArnEquals arn:aws:iam::*:role/Admin vs B role/Admin (ArnEquals = ArnLike)", "ArnEquals", "arn:aws:iam::*:role/Admin", admin_b, True),
        ("arn_like_account_wildcard", "ArnLike arn:aws:iam::*:role/Admin vs B role/Admin", "ArnLike", "arn:aws:iam::*:role/Admin", admin_b, True),
        ("arn_like_is_case_sensitive", "ArnLike arn:aws:iam::A:role/admin vs role/Admin", "ArnLike", f"arn:aws:iam::{A}:role/admin", admin, False),
        ("arn_like_question_mark", "ArnLike arn:aws:iam::A:role/Adm?n vs role/Admin", "ArnLike", f"arn:aws:iam::{A}:role/Adm?n", admin, True),
        ("arn_like_path_wildcard", "ArnLike arn:aws:iam::A:role/team/* vs role/team/Dev", "ArnLike", f"arn:aws:iam::{A}:role/team/*", ROLE_DEV, True),
        ("arn_like_values_are_ored", "ArnLike [role/Ops, role/Admin] vs role/Admin", "ArnLike", [f"arn:aws:iam::{A}:role/Ops", admin], admin, True),
        ("arn_not_equals_other_value", "ArnNotEquals role/Admin vs role/Dev", "ArnNotEquals", admin, ROLE_DEV, True),
        ("arn_not_equals_same_value", "ArnNotEquals role/Admin vs role/Admin", "ArnNotEquals", admin, admin, False),
        ("arn_not_like_matching_value", "ArnNotLike arn:aws:iam::*:role/Admin vs A role/Admin", "ArnNotLike", "arn:aws:iam::*:role/Admin", admin, False),
        ("arn_not_like_other_value", "ArnNotLike arn:aws:iam::*:role/Admin vs user/alice", "ArnNotLike", "arn:aws:iam::*:role/Admin", ALICE, True),
        ("arn_like_missing_key", "ArnLike with aws:PrincipalArn absent -> false", "ArnLike", admin, None, False),
        ("arn_not_like_missing_key", "ArnNotLike with aws:PrincipalArn absent -> true", "ArnNotLike", admin, None, True),
        ("arn_like_if_exists_missing_key", "ArnLikeIfExists with aws:PrincipalArn absent -> true", "ArnLikeIfExists", admin, None, True),
        ("arn_equals_if_exists_present_mismatch", "ArnEqualsIfExists role/Admin vs user/alice -> false", "ArnEqualsIfExists", admin, ALICE, False),
        ("arn_not_equals_if_exists_missing_key", "ArnNotEqualsIfExists with aws:PrincipalArn absent -> true", "ArnNotEqualsIfExists", admin, None, True),
    ]:
        cond(a, fn, name, {op: {pa: pv}}, None if rv is None else {pa: rv}, res)
    cond(a, "arn_like_colons_inside_resource_part",
         "ArnLike ...:log-group:* vs ...:log-group:app:log-stream:x (colons in part 6 are ordinary) -> true",
         {"ArnLike": {sa: f"arn:aws:logs:us-east-1:{A}:log-group:*"}},
         {sa: f"arn:aws:logs:us-east-1:{A}:log-group:app:log-stream:x"}, True)
    cond(a, "arn_like_region_wildcard_part",
         "ArnLike arn:aws:sns:*:A:alerts vs the us-east-1 topic -> true",
         {"ArnLike": {sa: f"arn:aws:sns:*:{A}:alerts"}}, {sa: TOPIC}, True)
    sc = {"ArnNotLike": {pa: f"arn:aws:iam::{A}:role/Admin"}}
    cond(a, "deny_unless_admin_role_denies_user",
         "Deny s3:DeleteObject if ArnNotLike aws:PrincipalArn role/Admin; caller alice -> explicit deny",
         sc, {pa: ALICE}, True, effect="Deny", action="s3:DeleteObject")
    cond(a, "deny_unless_admin_role_spares_admin",
         "Deny s3:DeleteObject if ArnNotLike aws:PrincipalArn role/Admin; caller Admin session -> allowed",
         sc, {pa: admin}, False, effect="Deny", action="s3:DeleteObject",
         principal=f"arn:aws:sts::{A}:assumed-role/Admin/ops", role=admin)


# ===========================================================================
# conditions: Null and ...IfExists
# ===========================================================================

def gen_conditions_null_ifexists():
    a = "conditions_null_ifexists"
    ti = "aws:TokenIssueTime"
    cond(a, "C12_null_true_long_term_keys",
         "C12: Null aws:TokenIssueTime 'true'; long-term user keys (key absent) -> true",
         {"Null": {ti: "true"}}, None, True)
    cond(a, "C12_null_true_role_session",
         "C12: Null aws:TokenIssueTime 'true'; role session (key present) -> false",
         {"Null": {ti: "true"}}, {ti: "2024-01-01T00:00:00Z"}, False, principal=SESS)
    cc = "aws:RequestTag/CostCenter"
    put = dict(action="s3:PutObject")
    for fn, name, c, ctx, res in [
        ("null_true_key_absent", "Null CostCenter 'true', key absent -> true", {"Null": {cc: "true"}}, None, True),
        ("null_true_key_present", "Null CostCenter 'true', key present -> false", {"Null": {cc: "true"}}, {cc: "42"}, False),
        ("null_false_key_present", "Null CostCenter 'false', key present -> true", {"Null": {cc: "false"}}, {cc: "42"}, True),
        ("null_false_key_absent", "Null CostCenter 'false', key absent -> false", {"Null": {cc: "false"}}, None, False),
        ("null_unquoted_json_true", "Null CostCenter true (JSON boolean), key absent -> true", {"Null": {cc: True}}, None, True),
        ("null_true_empty_string_is_present", "Null CostCenter 'true', key present with '' -> false", {"Null": {cc: "true"}}, {cc: ""}, False),
        ("null_false_nonempty_list_is_present", "Null aws:TagKeys 'false' with [a] -> true", {"Null": {"aws:TagKeys": "false"}}, {"aws:TagKeys": ["a"]}, True),
        ("null_two_keys_anded", "Null a 'false' AND b 'false'; only a present -> false",
         {"Null": {"aws:RequestTag/a": "false", "aws:RequestTag/b": "false"}}, {"aws:RequestTag/a": "1"}, False),
    ]:
        cond(a, fn, name, c, ctx, res, **put)
    cond(a, "deny_missing_required_tag_denies",
         "Deny if Null aws:RequestTag/CostCenter 'true'; tag not supplied -> explicit deny",
         {"Null": {cc: "true"}}, None, True, effect="Deny", **put)
    cond(a, "deny_missing_required_tag_supplied_allowed",
         "Deny if Null aws:RequestTag/CostCenter 'true'; tag supplied -> allowed",
         {"Null": {cc: "true"}}, {cc: "42"}, False, effect="Deny", **put)

    env = "aws:RequestTag/env"
    for fn, name, c, ctx, res, eff in [
        ("string_equals_if_exists_present_match", "StringEqualsIfExists env 'prod' vs 'prod' -> true", {"StringEqualsIfExists": {env: "prod"}}, {env: "prod"}, True, "Allow"),
        ("string_equals_if_exists_present_mismatch", "StringEqualsIfExists env 'prod' vs 'dev' -> false", {"StringEqualsIfExists": {env: "prod"}}, {env: "dev"}, False, "Allow"),
        ("string_not_equals_if_exists_present_same", "StringNotEqualsIfExists env 'prod' vs 'prod' -> false", {"StringNotEqualsIfExists": {env: "prod"}}, {env: "prod"}, False, "Allow"),
        ("string_not_like_if_exists_present_matching", "StringNotLikeIfExists env 'prod*' vs 'prod-1' -> false", {"StringNotLikeIfExists": {env: "prod*"}}, {env: "prod-1"}, False, "Allow"),
        ("string_not_like_if_exists_missing_key", "StringNotLikeIfExists env 'prod*', key absent -> true", {"StringNotLikeIfExists": {env: "prod*"}}, None, True, "Allow"),
        ("string_equals_ignore_case_if_exists_missing_key", "StringEqualsIgnoreCaseIfExists env 'PROD', key absent -> true", {"StringEqualsIgnoreCaseIfExists": {env: "PROD"}}, None, True, "Allow"),
        ("string_equals_ignore_case_if_exists_present", "StringEqualsIgnoreCaseIfExists env 'PROD' vs 'prod' -> true", {"StringEqualsIgnoreCaseIfExists": {env: "PROD"}}, {env: "prod"}, True, "Allow"),
        ("deny_string_equals_if_exists_missing_key_fires", "Deny if StringEqualsIfExists env 'prod'; key absent -> explicit deny", {"StringEqualsIfExists": {env: "prod"}}, None, True, "Deny"),
        ("deny_string_not_equals_if_exists_missing_key_fires", "Deny if StringNotEqualsIfExists env 'prod'; key absent -> explicit deny", {"StringNotEqualsIfExists": {env: "prod"}}, None, True, "Deny"),
        ("deny_string_not_equals_if_exists_present_same", "Deny if StringNotEqualsIfExists env 'prod'; env=prod -> allowed", {"StringNotEqualsIfExists": {env: "prod"}}, {env: "prod"}, False, "Deny"),
        # The set qualifier's rule wins: absent key -> false (observed on AWS; eval-semantics §4.3, Dec 2026).
        ("for_any_value_if_exists_missing_key", "ForAnyValue:StringEqualsIfExists aws:TagKeys [env], key absent -> false", {"ForAnyValue:StringEqualsIfExists": {"aws:TagKeys": ["env"]}}, None, False, "Allow"),
        ("deny_for_any_value_if_exists_missing_key_does_not_fire", "Deny if ForAnyValue:StringEqualsIfExists aws:TagKeys [env]; key absent -> the Deny does not fire", {"ForAnyValue:StringEqualsIfExists": {"aws:TagKeys": ["env"]}}, None, False, "Deny"),
        ("for_any_value_not_equals_if_exists_missing_key", "ForAnyValue:StringNotEqualsIfExists aws:TagKeys [env], key absent -> false", {"ForAnyValue:StringNotEqualsIfExists": {"aws:TagKeys": ["env"]}}, None, False, "Allow"),
        ("for_any_value_if_exists_present_no_match", "ForAnyValue:StringEqualsIfExists aws:TagKeys [env] with [owner] -> false", {"ForAnyValue:StringEqualsIfExists": {"aws:TagKeys": ["env"]}}, {"aws:TagKeys": ["owner"]}, False, "Allow"),
        ("for_all_values_if_exists_missing_key", "ForAllValues:StringEqualsIfExists aws:TagKeys [env], key absent -> true", {"ForAllValues:StringEqualsIfExists": {"aws:TagKeys": ["env"]}}, None, True, "Allow"),
        ("for_all_values_if_exists_present_mismatch", "ForAllValues:StringEqualsIfExists aws:TagKeys [env] with [env, owner] -> false", {"ForAllValues:StringEqualsIfExists": {"aws:TagKeys": ["env"]}}, {"aws:TagKeys": ["env", "owner"]}, False, "Allow"),
    ]:
        cond(a, fn, name, c, ctx, res, effect=eff, **put)
    it = "ec2:InstanceType"
    image = "arn:aws:ec2:us-east-1::image/ami-0abcdef1234567890"
    c = {"StringLikeIfExists": {it: ["t2.*"]}}
    cond(a, "string_like_if_exists_missing_key_for_image",
         "StringLikeIfExists ec2:InstanceType t2.*; image resource (key absent) -> true",
         c, None, True, action="ec2:RunInstances", resource=image)
    cond(a, "string_like_if_exists_present_mismatch",
         "StringLikeIfExists ec2:InstanceType t2.*; instance type m2.micro -> false",
         c, {it: "m2.micro"}, False, action="ec2:RunInstances", resource=INSTANCE)
    cond(a, "string_like_if_exists_present_match",
         "StringLikeIfExists ec2:InstanceType t2.*; instance type t2.micro -> true",
         c, {it: "t2.micro"}, True, action="ec2:RunInstances", resource=INSTANCE)


def _snake(op):
    return re.sub(r"(?<!^)(?=[A-Z])", "_", op).lower().replace("ip_address", "ipaddress")


# family -> (key, policy value, action, resource, [(op, present value, result)])
IFEXISTS_TABLE = [
    ("aws:RequestTag/env", "prod", "s3:PutObject", OBJ, [
        ("StringEquals", "prod", True), ("StringNotEquals", "prod", False),
        ("StringEqualsIgnoreCase", "PROD", True), ("StringNotEqualsIgnoreCase", "PROD", False)]),
    ("aws:RequestTag/env", "pr*", "s3:PutObject", OBJ, [
        ("StringLike", "prod", True), ("StringNotLike", "prod", False)]),
    ("s3:max-keys", "10", "s3:ListBucket", BUCKET, [
        ("NumericEquals", "10", True), ("NumericNotEquals", "10", False), ("NumericLessThan", "5", True),
        ("NumericLessThanEquals", "11", False), ("NumericGreaterThan", "11", True),
        ("NumericGreaterThanEquals", "9", False)]),
    ("aws:CurrentTime", "2020-01-01T00:00:00Z", "s3:GetObject", OBJ, [
        ("DateEquals", "2020-01-01T00:00:00Z", True), ("DateNotEquals", "2020-01-01T00:00:00Z", False),
        ("DateLessThan", "2019-06-01T00:00:00Z", True), ("DateLessThanEquals", "2021-06-01T00:00:00Z", False),
        ("DateGreaterThan", "2021-06-01T00:00:00Z", True), ("DateGreaterThanEquals", "2019-06-01T00:00:00Z", False)]),
    ("aws:SecureTransport", "true", "s3:GetObject", OBJ, [("Bool", "false", False)]),
    ("aws:RequestTag/blob", "QmluYXJ5VmFsdWVJbkJhc2U2NA==", "s3:PutObject", OBJ,
     [("BinaryEquals", "BinaryValueInBase64", True)]),
    ("aws:SourceIp", "203.0.113.0/24", "s3:GetObject", OBJ, [
        ("IpAddress", "203.0.113.5", True), ("NotIpAddress", "203.0.113.5", False)]),
    ("aws:PrincipalArn", f"arn:aws:iam::{A}:role/team/*", "s3:GetObject", OBJ, [
        ("ArnEquals", ROLE_DEV, True), ("ArnLike", ALICE, False),
        ("ArnNotEquals", ROLE_DEV, False), ("ArnNotLike", ALICE, True)]),
]


def gen_ifexists_matrix():
    """Every base operator with IfExists: key absent -> true; key present -> base operator result."""
    a = "conditions_null_ifexists"
    for key, pv, action, resource, rows in IFEXISTS_TABLE:
        for op, rv, res in rows:
            ie = op + "IfExists"
            sn = _snake(op)
            principal = SESS if rv == ROLE_DEV else ALICE
            cond(a, f"ifexists_{sn}_absent_is_true",
                 f"{ie} {key} {pv!r} with the key absent -> true",
                 {ie: {key: pv}}, None, True, action=action, resource=resource)
            cond(a, f"ifexists_{sn}_present_is_{str(res).lower()}",
                 f"{ie} {key} {pv!r} with {rv!r} -> {str(res).lower()} (same as {op})",
                 {ie: {key: pv}}, {key: rv}, res, action=action, resource=resource, principal=principal)


def gen_set_qualifiers_all_families():
    """ForAnyValue / ForAllValues with the non-string families (single-valued keys are sets of one)."""
    a = "conditions_sets"
    ct, st, ip, pa = "aws:CurrentTime", "aws:SecureTransport", "aws:SourceIp", "aws:PrincipalArn"
    blob = "aws:RequestTag/blob"
    rows = [
        ("foranyvalue_date_greater_than", "ForAnyValue:DateGreaterThan aws:CurrentTime 2020-01-01 with 2021-01-01 (set of one) -> true",
         {"ForAnyValue:DateGreaterThan": {ct: "2020-01-01T00:00:00Z"}}, {ct: "2021-01-01T00:00:00Z"}, True, {}),
        ("forallvalues_date_less_than_false", "ForAllValues:DateLessThan aws:CurrentTime 2020-01-01 with 2021-01-01 -> false",
         {"ForAllValues:DateLessThan": {ct: "2020-01-01T00:00:00Z"}}, {ct: "2021-01-01T00:00:00Z"}, False, {}),
        ("forallvalues_date_less_than_absent", "ForAllValues:DateLessThan aws:CurrentTime, key absent -> true",
         {"ForAllValues:DateLessThan": {ct: "2020-01-01T00:00:00Z"}}, None, True, {}),
        ("foranyvalue_bool", "ForAnyValue:Bool aws:SecureTransport true with 'true' -> true",
         {"ForAnyValue:Bool": {st: "true"}}, {st: "true"}, True, {}),
        ("foranyvalue_bool_absent", "ForAnyValue:Bool aws:SecureTransport true, key absent -> false",
         {"ForAnyValue:Bool": {st: "true"}}, None, False, {}),
        ("foranyvalue_binary_equals", "ForAnyValue:BinaryEquals with matching bytes -> true",
         {"ForAnyValue:BinaryEquals": {blob: "QmluYXJ5VmFsdWVJbkJhc2U2NA=="}}, {blob: "BinaryValueInBase64"}, True,
         {"action": "s3:PutObject"}),
        ("forallvalues_binary_equals_absent", "ForAllValues:BinaryEquals, key absent -> true",
         {"ForAllValues:BinaryEquals": {blob: "QmluYXJ5VmFsdWVJbkJhc2U2NA=="}}, None, True, {"action": "s3:PutObject"}),
        ("foranyvalue_ip_address", "ForAnyValue:IpAddress aws:SourceIp 203.0.113.0/24 with 203.0.113.5 -> true",
         {"ForAnyValue:IpAddress": {ip: "203.0.113.0/24"}}, {ip: "203.0.113.5"}, True, {}),
        ("foranyvalue_ip_address_absent", "ForAnyValue:IpAddress aws:SourceIp, key absent -> false",
         {"ForAnyValue:IpAddress": {ip: "203.0.113.0/24"}}, None, False, {}),
        ("forallvalues_not_ip_address_outside", "ForAllValues:NotIpAddress aws:SourceIp 203.0.113.0/24 with 198.51.100.1 -> true",
         {"ForAllValues:NotIpAddress": {ip: "203.0.113.0/24"}}, {ip: "198.51.100.1"}, True, {}),
        ("forallvalues_not_ip_address_inside", "ForAllValues:NotIpAddress aws:SourceIp 203.0.113.0/24 with 203.0.113.5 -> false",
         {"ForAllValues:NotIpAddress": {ip: "203.0.113.0/24"}}, {ip: "203.0.113.5"}, False, {}),
        ("foranyvalue_arn_like", "ForAnyValue:ArnLike aws:PrincipalArn role/team/* with the Dev role ARN -> true",
         {"ForAnyValue:ArnLike": {pa: f"arn:aws:iam::{A}:role/team/*"}}, {pa: ROLE_DEV}, True, {"principal": SESS}),
        ("forallvalues_arn_not_like_absent", "ForAllValues:ArnNotLike aws:PrincipalArn, key absent -> true",
         {"ForAllValues:ArnNotLike": {pa: f"arn:aws:iam::{A}:role/team/*"}}, None, True, {}),
        ("forallvalues_numeric_equals_absent", "ForAllValues:NumericEquals s3:max-keys, key absent -> true",
         {"ForAllValues:NumericEquals": {"s3:max-keys": "10"}}, None, True, {"action": "s3:ListBucket", "resource": BUCKET}),
        ("foranyvalue_string_like_called_via", "ForAnyValue:StringLike aws:CalledVia [*.amazonaws.com] with [athena.amazonaws.com] -> true",
         {"ForAnyValue:StringLike": {"aws:CalledVia": ["*.amazonaws.com"]}}, {"aws:CalledVia": ["athena.amazonaws.com"]}, True, {}),
        ("forallvalues_string_equals_called_via_list", "ForAllValues:StringEquals aws:CalledVia [athena] with [athena, glue] -> false",
         {"ForAllValues:StringEquals": {"aws:CalledVia": ["athena.amazonaws.com"]}},
         {"aws:CalledVia": ["athena.amazonaws.com", "glue.amazonaws.com"]}, False, {}),
    ]
    for fn, name, c, ctx, res, kw in rows:
        cond(a, fn, name, c, ctx, res, **kw)


# ===========================================================================
# conditions: set operators
# ===========================================================================

def gen_conditions_sets():
    a = "conditions_sets"
    tk = "aws:TagKeys"
    put = dict(action="s3:PutObjectTagging")
    fa = {"ForAllValues:StringEquals": {tk: ["environment", "cost-center"]}}
    fa_null = {"ForAllValues:StringEquals": {tk: ["environment", "cost-center"]}, "Null": {tk: "false"}}
    fany = {"ForAnyValue:StringEquals": {tk: ["environment", "cost-center"]}}
    cond(a, "C6_forallvalues_missing_key_is_true",
         "C6: ForAllValues:StringEquals aws:TagKeys [environment, cost-center]; TagKeys absent -> true (vacuous)",
         fa, None, True, **put)
    cond(a, "C6_forallvalues_with_null_false_missing_key_is_false",
         "C6: same plus Null aws:TagKeys 'false'; TagKeys absent -> false",
         fa_null, None, False, **put)
    c7 = {"ForAnyValue:StringEquals": {tk: ["environment"]}}
    cond(a, "C7_foranyvalue_missing_key_is_false", "C7: ForAnyValue:StringEquals aws:TagKeys [environment]; absent -> false",
         c7, None, False, **put)
    cond(a, "C7_foranyvalue_one_value_matches", "C7: ForAnyValue:StringEquals aws:TagKeys [environment]; [dept, environment] -> true",
         c7, {tk: ["dept", "environment"]}, True, **put)
    cond(a, "C7_foranyvalue_empty_list_is_false", "C7: ForAnyValue:StringEquals aws:TagKeys [environment]; [] -> false",
         c7, {tk: []}, False, **put)
    cond(a, "C8_forallvalues_one_value_outside_set", "C8: ForAllValues:StringEquals [environment, cost-center] with [environment, dept] -> false",
         fa, {tk: ["environment", "dept"]}, False, **put)
    fans = {"ForAllValues:StringNotEquals": {tk: ["secret"]}}
    fyns = {"ForAnyValue:StringNotEquals": {tk: ["secret"]}}
    cond(a, "C9_forallvalues_string_not_equals_none_secret", "C9: ForAllValues:StringNotEquals aws:TagKeys [secret] with [a, b] -> true",
         fans, {tk: ["a", "b"]}, True, **put)
    cond(a, "C9_forallvalues_string_not_equals_contains_secret", "C9: ForAllValues:StringNotEquals aws:TagKeys [secret] with [a, secret] -> false",
         fans, {tk: ["a", "secret"]}, False, **put)
    cond(a, "C9_foranyvalue_string_not_equals_some_other", "C9: ForAnyValue:StringNotEquals aws:TagKeys [secret] with [a, secret] -> true",
         fyns, {tk: ["a", "secret"]}, True, **put)
    cond(a, "C9_foranyvalue_string_not_equals_only_secret", "C9: ForAnyValue:StringNotEquals aws:TagKeys [secret] with [secret] -> false",
         fyns, {tk: ["secret"]}, False, **put)
    cond(a, "C10_unqualified_operator_on_list_is_false", "C10: StringEquals aws:TagKeys 'a' (no qualifier) with [a] -> false",
         {"StringEquals": {tk: "a"}}, {tk: ["a"]}, False, **put)
    c11 = {"ForAllValues:StringEquals": {"aws:RequestTag/env": ["prod"]}}
    cond(a, "C11_forallvalues_single_valued_key_absent", "C11: ForAllValues:StringEquals aws:RequestTag/env [prod]; key absent -> true",
         c11, None, True, action="s3:PutObject")
    cond(a, "C11_forallvalues_single_valued_key_prod", "C11: ForAllValues:StringEquals aws:RequestTag/env [prod]; env=prod -> true",
         c11, {"aws:RequestTag/env": "prod"}, True, action="s3:PutObject")
    cond(a, "C11_forallvalues_single_valued_key_dev", "C11: ForAllValues:StringEquals aws:RequestTag/env [prod]; env=dev -> false",
         c11, {"aws:RequestTag/env": "dev"}, False, action="s3:PutObject")

    for fn, name, c, ctx, res in [
        ("forallvalues_single_member_of_set", "ForAllValues [environment, cost-center] with [environment] -> true", fa, {tk: ["environment"]}, True),
        ("forallvalues_exact_set", "ForAllValues [environment, cost-center] with [environment, cost-center] -> true", fa, {tk: ["environment", "cost-center"]}, True),
        ("forallvalues_disjoint", "ForAllValues [environment, cost-center] with [dept] -> false", fa, {tk: ["dept"]}, False),
        ("forallvalues_empty_list_is_true", "ForAllValues [environment, cost-center] with [] -> true", fa, {tk: []}, True),
        ("forallvalues_duplicate_request_values", "ForAllValues [environment, cost-center] with [environment, environment] -> true", fa, {tk: ["environment", "environment"]}, True),
        ("forallvalues_with_null_false_present", "ForAllValues + Null false with [environment] -> true", fa_null, {tk: ["environment"]}, True),
        ("forallvalues_with_null_false_outside_set", "ForAllValues + Null false with [environment, dept] -> false", fa_null, {tk: ["environment", "dept"]}, False),
        ("foranyvalue_partial_overlap", "ForAnyValue [environment, cost-center] with [environment, dept] -> true", fany, {tk: ["environment", "dept"]}, True),
        ("foranyvalue_disjoint", "ForAnyValue [environment, cost-center] with [dept] -> false", fany, {tk: ["dept"]}, False),
        ("foranyvalue_full_overlap", "ForAnyValue [environment, cost-center] with [environment, cost-center] -> true", fany, {tk: ["environment", "cost-center"]}, True),
        ("foranyvalue_string_like", "ForAnyValue:StringLike aws:TagKeys [cost*] with [owner, cost-center] -> true",
         {"ForAnyValue:StringLike": {tk: ["cost*"]}}, {tk: ["owner", "cost-center"]}, True),
        ("forallvalues_string_like_all_match", "ForAllValues:StringLike aws:TagKeys [env*, cost*] with [environment, cost-center] -> true",
         {"ForAllValues:StringLike": {tk: ["env*", "cost*"]}}, {tk: ["environment", "cost-center"]}, True),
        ("forallvalues_string_like_one_fails", "ForAllValues:StringLike aws:TagKeys [env*, cost*] with [environment, owner] -> false",
         {"ForAllValues:StringLike": {tk: ["env*", "cost*"]}}, {tk: ["environment", "owner"]}, False),
        ("forallvalues_string_like_empty_list", "ForAllValues:StringLike aws:TagKeys [env*] with [] -> true",
         {"ForAllValues:StringLike": {tk: ["env*"]}}, {tk: []}, True),
        ("foranyvalue_string_not_like_one_misses", "ForAnyValue:StringNotLike aws:TagKeys [sec*] with [secret, public] -> true",
         {"ForAnyValue:StringNotLike": {tk: ["sec*"]}}, {tk: ["secret", "public"]}, True),
        ("foranyvalue_string_not_like_all_match", "ForAnyValue:StringNotLike aws:TagKeys [sec*] with [secret] -> false",
         {"ForAnyValue:StringNotLike": {tk: ["sec*"]}}, {tk: ["secret"]}, False),
        ("forallvalues_string_not_like_none_match", "ForAllValues:StringNotLike aws:TagKeys [sec*] with [public, other] -> true",
         {"ForAllValues:StringNotLike": {tk: ["sec*"]}}, {tk: ["public", "other"]}, True),
        ("forallvalues_string_not_like_one_matches", "ForAllValues:StringNotLike aws:TagKeys [sec*] with [public, secret] -> false",
         {"ForAllValues:StringNotLike": {tk: ["sec*"]}}, {tk: ["public", "secret"]}, False),
        ("forallvalues_ignore_case", "ForAllValues:StringEqualsIgnoreCase aws:TagKeys [Environment, Cost-Center] with [environment] -> true",
         {"ForAllValues:StringEqualsIgnoreCase": {tk: ["Environment", "Cost-Center"]}}, {tk: ["environment"]}, True),
        ("foranyvalue_several_policy_values", "ForAnyValue:StringEquals aws:TagKeys [b, c] with [a, b] -> true",
         {"ForAnyValue:StringEquals": {tk: ["b", "c"]}}, {tk: ["a", "b"]}, True),
        ("forall_and_forany_both_hold", "ForAllValues [env, cost-center, owner] AND ForAnyValue [owner]; [env, owner] -> true",
         {"ForAllValues:StringEquals": {tk: ["env", "cost-center", "owner"]}, "ForAnyValue:StringEquals": {tk: ["owner"]}},
         {tk: ["env", "owner"]}, True),
        ("forall_and_forany_one_fails", "ForAllValues [env, cost-center, owner] AND ForAnyValue [owner]; [env] -> false",
         {"ForAllValues:StringEquals": {tk: ["env", "cost-center", "owner"]}, "ForAnyValue:StringEquals": {tk: ["owner"]}},
         {tk: ["env"]}, False),
    ]:
        cond(a, fn, name, c, ctx, res, **put)
    dsec = {"ForAnyValue:StringEquals": {tk: ["secret"]}}
    cond(a, "deny_foranyvalue_forbidden_tag_key_present", "Deny if ForAnyValue:StringEquals aws:TagKeys [secret]; [a, secret] -> explicit deny",
         dsec, {tk: ["a", "secret"]}, True, effect="Deny", **put)
    cond(a, "deny_foranyvalue_forbidden_tag_key_absent", "Deny if ForAnyValue:StringEquals aws:TagKeys [secret]; [a] -> allowed",
         dsec, {tk: ["a"]}, False, effect="Deny", **put)
    cond(a, "deny_unqualified_negated_operator_on_list_is_false",
         "Deny if StringNotEquals aws:TagKeys 'a' (no qualifier) with [b] -> clause false (D19), allowed",
         {"StringNotEquals": {tk: "a"}}, {tk: ["b"]}, False, effect="Deny", **put)
    env = "aws:RequestTag/env"
    cond(a, "foranyvalue_single_valued_key_match", "ForAnyValue:StringEquals aws:RequestTag/env [prod] with 'prod' (set of one) -> true",
         {"ForAnyValue:StringEquals": {env: ["prod"]}}, {env: "prod"}, True, action="s3:PutObject")
    cond(a, "foranyvalue_single_valued_key_absent", "ForAnyValue:StringEquals aws:RequestTag/env [prod], key absent -> false",
         {"ForAnyValue:StringEquals": {env: ["prod"]}}, None, False, action="s3:PutObject")
    ou = f"{ORG}/r-ab12/ou-ab12-11111111/*"
    cond(a, "D4_forallvalues_string_not_like_missing_key_is_true",
         "D4: ForAllValues:StringNotLike aws:ResourceOrgPaths [o-.../ou-ab12-11111111/*]; key absent -> true (vacuous truth)",
         {"ForAllValues:StringNotLike": {"aws:ResourceOrgPaths": [ou]}}, None, True)
    cond(a, "forallvalues_arn_like_missing_key_is_true",
         "ForAllValues:ArnLike aws:PrincipalArn role/*, key absent -> true",
         {"ForAllValues:ArnLike": {"aws:PrincipalArn": f"arn:aws:iam::{A}:role/*"}}, None, True)
    cond(a, "forallvalues_arn_like_single_value",
         "ForAllValues:ArnLike aws:PrincipalArn role/team/* with the Dev role ARN -> true",
         {"ForAllValues:ArnLike": {"aws:PrincipalArn": f"arn:aws:iam::{A}:role/team/*"}},
         {"aws:PrincipalArn": ROLE_DEV}, True, principal=SESS)
    cond(a, "foranyvalue_string_like_org_paths",
         "ForAnyValue:StringLike aws:PrincipalOrgPaths [.../ou-ab12-11111111/*] with a nested OU path -> true",
         {"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": [ou]}},
         {"aws:PrincipalOrgPaths": [f"{ORG}/r-ab12/ou-ab12-11111111/ou-ab12-22222222/"]}, True)
    cond(a, "foranyvalue_string_like_org_paths_other_ou",
         "ForAnyValue:StringLike aws:PrincipalOrgPaths [.../ou-ab12-11111111/*] with another OU -> false",
         {"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": [ou]}},
         {"aws:PrincipalOrgPaths": [f"{ORG}/r-ab12/ou-ab12-33333333/"]}, False)


# ===========================================================================
# variables
# ===========================================================================

def gen_variables():
    a = "variables"
    martha = f"arn:aws:iam::{A}:user/martha"
    c21 = {"StringLike": {"s3:prefix": ["", "home/", "home/${aws:username}/"]}}
    cond(a, "C21_prefix_with_username_variable",
         "C21: StringLike s3:prefix ['', 'home/', 'home/${aws:username}/']; user martha, prefix home/martha/ -> true",
         c21, {"aws:username": "martha", "s3:prefix": "home/martha/"}, True,
         action="s3:ListBucket", resource=BUCKET, principal=martha)
    cond(a, "C21_empty_prefix_matches_empty_pattern",
         "C21: same condition; prefix '' -> true",
         c21, {"aws:username": "martha", "s3:prefix": ""}, True,
         action="s3:ListBucket", resource=BUCKET, principal=martha)
    cond(a, "C21_role_session_has_no_username",
         "C21: same condition; role session (no aws:username), prefix home/x/ -> false",
         c21, {"s3:prefix": "home/x/"}, False, action="s3:ListBucket", resource=BUCKET, principal=SESS)
    c22 = {"StringNotEquals": {"s3:ExistingObjectTag/Team": "${aws:PrincipalTag/Team}"}}
    cond(a, "C22_unresolved_variable_in_negated_operator_denies",
         "C22: Deny GetObject if StringNotEquals s3:ExistingObjectTag/Team '${aws:PrincipalTag/Team}'; no Team tag, object Team=red -> explicit deny",
         c22, {"s3:ExistingObjectTag/Team": "red"}, True, effect="Deny")
    cond(a, "C22_resolved_variable_same_team_not_denied",
         "C22 (variant): same Deny; principal Team=red, object Team=red -> allowed",
         c22, {"s3:ExistingObjectTag/Team": "red", "aws:PrincipalTag/Team": "red"}, False, effect="Deny")
    cond(a, "C22_resolved_variable_other_team_denied",
         "C22 (variant): same Deny; principal Team=blue, object Team=red -> explicit deny",
         c22, {"s3:ExistingObjectTag/Team": "red", "aws:PrincipalTag/Team": "blue"}, True, effect="Deny")
    c23 = P(Allow("s3:ListBucket", "arn:aws:s3:::bkt-${aws:PrincipalTag/team, 'company-wide'}"))
    for fn, name, res, ctx, exp in [
        ("C23_default_used_when_tag_absent", "C23: Resource bkt-${aws:PrincipalTag/team, 'company-wide'}; no tag -> matches bkt-company-wide",
         "arn:aws:s3:::bkt-company-wide", None, ALLOWED),
        ("C23_tag_value_used_when_present", "C23: same Resource; team=yellow -> matches bkt-yellow",
         "arn:aws:s3:::bkt-yellow", {"aws:PrincipalTag/team": "yellow"}, ALLOWED),
        ("C23_default_not_used_when_tag_present", "C23: same Resource; team=yellow -> does not match bkt-company-wide",
         "arn:aws:s3:::bkt-company-wide", {"aws:PrincipalTag/team": "yellow"}, IDENY),
        ("C23_no_tag_does_not_match_other_team", "C23: same Resource; no tag -> does not match bkt-yellow",
         "arn:aws:s3:::bkt-yellow", None, IDENY),
    ]:
        case(a, fn, name, R("s3:ListBucket", res, ctx=ctx), exp, pols(identity=c23))
    k = "aws:RequestTag/name"
    put = dict(action="s3:PutObject")
    cond(a, "C24_star_escape_literal_in_string_like",
         "C24: StringLike k 'a${*}' vs 'a*' -> true", {"StringLike": {k: "a${*}"}}, {k: "a*"}, True, **put)
    cond(a, "C24_star_escape_is_not_a_wildcard",
         "C24: StringLike k 'a${*}' vs 'ab' -> false", {"StringLike": {k: "a${*}"}}, {k: "ab"}, False, **put)
    cond(a, "C24_star_escape_in_string_equals",
         "C24: StringEquals k 'a${*}' vs 'a*' -> true", {"StringEquals": {k: "a${*}"}}, {k: "a*"}, True, **put)
    own = "aws:RequestTag/owner"
    cond(a, "C25_multivalued_key_as_variable_unresolved",
         "C25: StringEquals k '${aws:TagKeys}' (multivalued key as variable) -> unresolved, false",
         {"StringEquals": {own: "${aws:TagKeys}"}}, {own: "owner", "aws:TagKeys": ["owner"]}, False, **put)
    cond(a, "C25_multivalued_key_as_variable_negated",
         "C25: StringNotEquals k '${aws:TagKeys}' -> unresolved value is 'not equal', true",
         {"StringNotEquals": {own: "${aws:TagKeys}"}}, {own: "owner", "aws:TagKeys": ["owner"]}, True, **put)
    path = "aws:RequestTag/path"
    cond(a, "C26_resolved_star_is_literal",
         "C26: StringLike k 'home/${aws:PrincipalTag/p}' with tag p='a*', k='home/abc' -> false",
         {"StringLike": {path: "home/${aws:PrincipalTag/p}"}}, {path: "home/abc", "aws:PrincipalTag/p": "a*"}, False, **put)
    cond(a, "C26_resolved_star_matches_itself",
         "C26 (variant): same condition, k='home/a*' -> true",
         {"StringLike": {path: "home/${aws:PrincipalTag/p}"}}, {path: "home/a*", "aws:PrincipalTag/p": "a*"}, True, **put)

    home = P(Allow("s3:GetObject", "arn:aws:s3:::bucket/home/${aws:username}/*"))
    case(a, "username_variable_in_resource_own_folder",
         "Resource bucket/home/${aws:username}/*; alice gets home/alice/notes.txt -> allowed",
         R("s3:GetObject", "arn:aws:s3:::bucket/home/alice/notes.txt", ctx={"aws:username": "alice"}),
         ALLOWED, pols(identity=home))
    case(a, "username_variable_in_resource_other_folder",
         "Resource bucket/home/${aws:username}/*; alice gets home/bob/notes.txt -> implicit deny",
         R("s3:GetObject", "arn:aws:s3:::bucket/home/bob/notes.txt", ctx={"aws:username": "alice"}),
         IDENY, pols(identity=home))
    rt = {"StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}}
    for fn, name, ctx, res in [
        ("principal_tag_variable_matches_resource_tag", "StringEquals aws:ResourceTag/team '${aws:PrincipalTag/team}'; both red -> true",
         {"aws:ResourceTag/team": "red", "aws:PrincipalTag/team": "red"}, True),
        ("principal_tag_variable_differs_from_resource_tag", "same condition; principal red, resource blue -> false",
         {"aws:ResourceTag/team": "blue", "aws:PrincipalTag/team": "red"}, False),
        ("principal_tag_variable_unresolved_positive_operator", "same condition; principal has no team tag -> false",
         {"aws:ResourceTag/team": "red"}, False),
    ]:
        cond(a, fn, name, rt, ctx, res, action="ec2:StartInstances", resource=INSTANCE)
    cond(a, "variable_name_is_case_insensitive",
         "StringEquals aws:ResourceTag/team '${AWS:PrincipalTag/TEAM}' resolves context key aws:PrincipalTag/team -> true",
         {"StringEquals": {"aws:ResourceTag/team": "${AWS:PrincipalTag/TEAM}"}},
         {"aws:ResourceTag/team": "red", "aws:PrincipalTag/team": "red"}, True,
         action="ec2:StartInstances", resource=INSTANCE)
    cond(a, "unresolved_variable_in_negated_operator_allow_is_true",
         "Allow if StringNotEquals aws:ResourceTag/team '${aws:PrincipalTag/team}'; no principal tag -> true (D2)",
         {"StringNotEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}},
         {"aws:ResourceTag/team": "red"}, True, action="ec2:StartInstances", resource=INSTANCE)
    dflt = {"StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team, 'none'}"}}
    cond(a, "default_value_in_condition_used_when_absent",
         "StringEquals aws:ResourceTag/team '${aws:PrincipalTag/team, 'none'}'; no tag, resource team=none -> true",
         dflt, {"aws:ResourceTag/team": "none"}, True, action="ec2:StartInstances", resource=INSTANCE)
    cond(a, "default_value_in_condition_ignored_when_present",
         "same condition; principal team=red, resource team=none -> false",
         dflt, {"aws:ResourceTag/team": "none", "aws:PrincipalTag/team": "red"}, False,
         action="ec2:StartInstances", resource=INSTANCE)
    esc = P(Allow("s3:GetObject", "arn:aws:s3:::bucket/file${*}"))
    case(a, "star_escape_in_resource_matches_literal_star",
         "Resource bucket/file${*} matches object 'file*' literally",
         R("s3:GetObject", "arn:aws:s3:::bucket/file*"), ALLOWED, pols(identity=esc))
    case(a, "star_escape_in_resource_is_not_wildcard",
         "Resource bucket/file${*} does not match object 'fileX'",
         R("s3:GetObject", "arn:aws:s3:::bucket/fileX"), IDENY, pols(identity=esc))
    cond(a, "question_escape_literal_match",
         "StringLike k 'v${?}' vs 'v?' -> true", {"StringLike": {k: "v${?}"}}, {k: "v?"}, True, **put)
    cond(a, "question_escape_is_not_a_wildcard",
         "StringLike k 'v${?}' vs 'v1' -> false", {"StringLike": {k: "v${?}"}}, {k: "v1"}, False, **put)
    cond(a, "dollar_escape_literal",
         "StringEquals k 'cost${$}' vs 'cost$' -> true", {"StringEquals": {k: "cost${$}"}}, {k: "cost$"}, True, **put)
    v08 = {"StringEquals": {own: "${aws:username}"}}
    cond(a, "version_2008_condition_variable_not_substituted",
         "Version 2008-10-17: StringEquals owner '${aws:username}' vs 'alice' (username alice) -> false",
         v08, {own: "alice", "aws:username": "alice"}, False, version=V2008, **put)
    cond(a, "version_2008_condition_variable_is_literal_text",
         "Version 2008-10-17: StringEquals owner '${aws:username}' vs literal '${aws:username}' -> true",
         v08, {own: "${aws:username}", "aws:username": "alice"}, True, version=V2008, **put)
    cond(a, "version_absent_condition_variable_not_substituted",
         "Version absent (2008 semantics): StringEquals owner '${aws:username}' vs 'alice' -> false",
         v08, {own: "alice", "aws:username": "alice"}, False, version=None, **put)
    case(a, "version_absent_resource_variable_not_substituted",
         "Version absent (2008 semantics): Resource b/${aws:username}/*; alice gets b/alice/1 -> implicit deny",
         R("s3:GetObject", "arn:aws:s3:::b/alice/1", ctx={"aws:username": "alice"}), IDENY,
         pols(identity=P(Allow("s3:GetObject", "arn:aws:s3:::b/${aws:username}/*"), version=None)))
    case(a, "version_2008_star_escape_keeps_live_wildcard",
         "Version 2008-10-17: Resource bucket/${*} is literal '${' + live '*' + '}' -> matches bucket/${abc}",
         R("s3:GetObject", "arn:aws:s3:::bucket/${abc}"), ALLOWED,
         pols(identity=P(Allow("s3:GetObject", "arn:aws:s3:::bucket/${*}"), version=V2008)))
    team_res = P(Allow("s3:GetObject", "arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*"))
    case(a, "unresolved_variable_in_resource_matches_nothing",
         "Resource bucket/${aws:PrincipalTag/team}/*; no team tag -> no match",
         R("s3:GetObject", "arn:aws:s3:::bucket/red/x"), IDENY, pols(identity=team_res))
    case(a, "resolved_variable_in_resource_matches",
         "Resource bucket/${aws:PrincipalTag/team}/*; team=red -> matches bucket/red/x",
         R("s3:GetObject", "arn:aws:s3:::bucket/red/x", ctx={"aws:PrincipalTag/team": "red"}), ALLOWED,
         pols(identity=team_res))
    case(a, "resolved_star_in_resource_is_literal",
         "Resource bucket/${aws:PrincipalTag/team}/*; team='*' -> does not match bucket/abc/x",
         R("s3:GetObject", "arn:aws:s3:::bucket/abc/x", ctx={"aws:PrincipalTag/team": "*"}), IDENY,
         pols(identity=team_res))
    case(a, "resolved_star_in_resource_matches_literal_star",
         "Resource bucket/${aws:PrincipalTag/team}/*; team='*' -> matches bucket/*/x",
         R("s3:GetObject", "arn:aws:s3:::bucket/*/x", ctx={"aws:PrincipalTag/team": "*"}), ALLOWED,
         pols(identity=team_res))
    case(a, "empty_string_variable_value_is_resolved",
         "Resource bucket/${aws:PrincipalTag/team}/*; team='' -> matches bucket//x",
         R("s3:GetObject", "arn:aws:s3:::bucket//x", ctx={"aws:PrincipalTag/team": ""}), ALLOWED,
         pols(identity=team_res))
    two = P(Allow("s3:GetObject", "arn:aws:s3:::bucket/${aws:PrincipalTag/team}/${aws:username}/*"))
    case(a, "two_variables_in_one_resource",
         "Resource bucket/${aws:PrincipalTag/team}/${aws:username}/*; team=red, alice -> matches bucket/red/alice/x",
         R("s3:GetObject", "arn:aws:s3:::bucket/red/alice/x",
           ctx={"aws:PrincipalTag/team": "red", "aws:username": "alice"}), ALLOWED, pols(identity=two))
    case(a, "two_variables_in_one_resource_wrong_order",
         "same Resource; team=red, alice -> does not match bucket/alice/red/x",
         R("s3:GetObject", "arn:aws:s3:::bucket/alice/red/x",
           ctx={"aws:PrincipalTag/team": "red", "aws:username": "alice"}), IDENY, pols(identity=two))
    case(a, "userid_variable_for_role_session",
         "Resource bucket/${aws:userid}/*; role session userid AROAEXAMPLEID:s1 -> matches bucket/AROAEXAMPLEID:s1/x",
         R("s3:GetObject", "arn:aws:s3:::bucket/AROAEXAMPLEID:s1/x", SESS, ctx={"aws:userid": "AROAEXAMPLEID:s1"}),
         ALLOWED, pols(identity=P(Allow("s3:GetObject", "arn:aws:s3:::bucket/${aws:userid}/*"))))
    cond(a, "malformed_variable_is_literal",
         "StringEquals owner '${aws:username' (no closing brace) vs literal '${aws:username' -> true",
         {"StringEquals": {own: "${aws:username"}}, {own: "${aws:username", "aws:username": "alice"}, True, **put)
    cond(a, "malformed_variable_is_not_substituted",
         "StringEquals owner '${aws:username' (no closing brace) vs 'alice' -> false",
         {"StringEquals": {own: "${aws:username"}}, {own: "alice", "aws:username": "alice"}, False, **put)
    arnv = {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::${aws:PrincipalAccount}:user/*"}}
    cond(a, "variable_in_arn_condition_account_part",
         "ArnLike aws:PrincipalArn 'arn:aws:iam::${aws:PrincipalAccount}:user/*'; alice in A -> true",
         arnv, {"aws:PrincipalArn": ALICE, "aws:PrincipalAccount": A}, True)
    cond(a, "variable_in_arn_condition_account_mismatch",
         "same condition; aws:PrincipalAccount = B but ARN in A -> false",
         arnv, {"aws:PrincipalArn": ALICE, "aws:PrincipalAccount": B}, False)
    cond(a, "variable_followed_by_wildcard_in_string_like",
         "StringLike aws:ResourceTag/project '${aws:PrincipalTag/project}-*'; project=apollo vs apollo-build -> true",
         {"StringLike": {"aws:ResourceTag/project": "${aws:PrincipalTag/project}-*"}},
         {"aws:ResourceTag/project": "apollo-build", "aws:PrincipalTag/project": "apollo"}, True,
         action="ec2:StartInstances", resource=INSTANCE)
    cond(a, "variable_with_ignore_case_operator",
         "StringEqualsIgnoreCase aws:ResourceTag/dept '${aws:PrincipalTag/dept}'; Finance vs FINANCE -> true",
         {"StringEqualsIgnoreCase": {"aws:ResourceTag/dept": "${aws:PrincipalTag/dept}"}},
         {"aws:ResourceTag/dept": "FINANCE", "aws:PrincipalTag/dept": "Finance"}, True,
         action="ec2:StartInstances", resource=INSTANCE)
    case(a, "username_variable_in_bucket_policy_resource",
         "Bucket policy naming alice with Resource bucket/home/${aws:username}/*; alice (no identity policy) gets her folder -> allowed",
         R("s3:GetObject", "arn:aws:s3:::bucket/home/alice/x", ctx={"aws:username": "alice"}), ALLOWED,
         pols(resource=P(RS("Allow", "s3:GetObject", "arn:aws:s3:::bucket/home/${aws:username}/*", aws(ALICE)))))


# ===========================================================================
# evaluation: identity policies only
# ===========================================================================

def gen_evaluation_identity():
    a = "evaluation_identity"
    get = "s3:GetObject"
    e34 = P(Allow("s3:*", "*"),
            Deny("s3:*", "*", condition={"StringNotEqualsIfExists": {"aws:SourceVpc": "vpc-1"}}))
    case(a, "E34_deny_negated_if_exists_fires_without_vpc",
         "E34: identity Deny s3:* if StringNotEqualsIfExists aws:SourceVpc vpc-1; request from the internet -> explicit deny",
         R(get, OBJ, ctx={"aws:SourceIp": "203.0.113.5"}), EDENY, pols(identity=e34))
    case(a, "E34_deny_negated_if_exists_spares_vpc",
         "E34 (variant): same Deny; request through vpc-1 -> allowed",
         R(get, OBJ, ctx={"aws:SourceVpc": "vpc-1", "aws:SourceVpce": "vpce-1"}), ALLOWED, pols(identity=e34))
    case(a, "E35_deny_with_false_condition_does_not_apply",
         "E35: two identity policies: Allow s3:*; Deny s3:* whose condition is false -> allowed",
         R(get, OBJ, ctx={"aws:SecureTransport": "true"}), ALLOWED,
         pols(identity=[P(Allow("s3:*", "*")),
                        P(Deny("s3:*", "*", condition={"Bool": {"aws:SecureTransport": "false"}}))]))
    case(a, "no_policies_implicit_deny", "User without any policy -> implicit deny",
         R(get, OBJ), IDENY, pols())
    case(a, "allow_exact_action_and_resource", "Identity Allow s3:GetObject on the object -> allowed",
         R(get, OBJ), ALLOWED, pols(identity=P(Allow(get, OBJ))))
    case(a, "allow_other_action_only", "Identity Allow s3:PutObject only; GetObject -> implicit deny",
         R(get, OBJ), IDENY, pols(identity=P(Allow("s3:PutObject", "*"))))
    case(a, "allow_other_resource_only", "Identity Allow GetObject on other/*; bucket/key -> implicit deny",
         R(get, OBJ), IDENY, pols(identity=P(Allow(get, "arn:aws:s3:::other/*"))))
    case(a, "deny_overrides_allow_same_policy", "Allow and Deny for the same action in one policy -> explicit deny",
         R(get, OBJ), EDENY, pols(identity=P(Allow("s3:*", "*"), Deny(get, OBJ))))
    case(a, "deny_overrides_allow_other_policy", "Allow in one policy, Deny in another -> explicit deny",
         R(get, OBJ), EDENY, pols(identity=[P(Allow("s3:*", "*")), P(Deny("s3:Get*", "arn:aws:s3:::bucket/*"))]))
    case(a, "deny_everything_overrides_allow", "Deny * on * plus Allow s3:* -> explicit deny",
         R(get, OBJ), EDENY, pols(identity=[P(Allow("s3:*", "*")), P(Deny("*", "*"))]))
    case(a, "deny_without_allow_is_explicit", "Only a Deny statement that applies -> explicit deny (not implicit)",
         R(get, OBJ), EDENY, pols(identity=P(Deny(get, "*"))))
    case(a, "grants_spread_over_policies", "GetObject allowed by the second of two identity policies -> allowed",
         R(get, OBJ), ALLOWED, pols(identity=[P(Allow("s3:PutObject", "*")), P(Allow(get, "arn:aws:s3:::bucket/*"))]))
    case(a, "deny_other_action_does_not_apply", "Deny s3:DeleteObject does not affect GetObject",
         R(get, OBJ), ALLOWED, pols(identity=P(Allow("s3:*", "*"), Deny("s3:DeleteObject", "*"))))
    case(a, "deny_other_resource_does_not_apply", "Deny on arn:aws:s3:::secret/* does not affect bucket/key",
         R(get, OBJ), ALLOWED, pols(identity=P(Allow("s3:*", "*"), Deny("s3:*", "arn:aws:s3:::secret/*"))))
    case(a, "role_session_uses_role_policies", "Role session; role's identity policy allows -> allowed",
         R(get, OBJ, SESS), ALLOWED, pols(identity=P(Allow(get, "*"))))
    case(a, "role_session_without_policies", "Role session; role has no policies -> implicit deny",
         R(get, OBJ, SESS), IDENY, pols())
    case(a, "allow_star_star", "Identity Allow * on * -> allowed",
         R("dynamodb:DeleteTable", TABLE), ALLOWED, pols(identity=P(Allow("*", "*"))))
    case(a, "only_matching_statement_counts", "Three statements, only the third applies -> allowed",
         R("sqs:SendMessage", QUEUE), ALLOWED,
         pols(identity=P(Allow("s3:*", "*"), Allow("sqs:ReceiveMessage", QUEUE), Allow("sqs:SendMessage", QUEUE))))
    case(a, "allow_and_deny_both_conditional_deny_true",
         "Allow if SecureTransport true and Deny if SourceIp outside range; both conditions true -> explicit deny",
         R(get, OBJ, ctx={"aws:SecureTransport": "true", "aws:SourceIp": "198.51.100.1"}), EDENY,
         pols(identity=P(Allow(get, "*", condition={"Bool": {"aws:SecureTransport": "true"}}),
                         Deny(get, "*", condition={"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}))))
    case(a, "allowed_on_other_account_resource_without_resource_policy",
         "Identity Allow sqs:SendMessage on a queue in B, no queue policy -> implicit deny (cross-account needs a resource policy)",
         R("sqs:SendMessage", QUEUE_B), IDENY, pols(identity=P(Allow("sqs:SendMessage", "*"))))


# ===========================================================================
# evaluation: same-account resource policies
# ===========================================================================

def gen_evaluation_resource_same_account():
    a = "evaluation_resource_same_account"
    get = "s3:GetObject"
    bp = lambda *st: P(*st)
    case(a, "E1_bucket_deny_naming_user_overrides_identity_allow",
         "E1: same account; ID-Allow s3:*; bucket Deny naming the user -> explicit deny",
         R(get, OBJ), EDENY,
         pols(identity=P(Allow("s3:*", "*")), resource=bp(RS("Deny", "s3:*", f"{BUCKET}/*", aws(ALICE)))))
    case(a, "E2_bucket_allow_naming_user_without_identity_policy",
         "E2: same account; no identity policy; bucket Allow naming the user ARN -> allowed",
         R(get, OBJ), ALLOWED, pols(resource=bp(RS("Allow", get, f"{BUCKET}/*", aws(ALICE)))))
    case(a, "identity_allow_without_resource_policy", "Same account; ID-Allow; no bucket policy -> allowed",
         R(get, OBJ), ALLOWED, pols(identity=P(Allow(get, "*"))))
    case(a, "identity_allow_resource_policy_silent",
         "Same account; ID-Allow; bucket policy only names bob -> allowed (identity path suffices)",
         R(get, OBJ), ALLOWED,
         pols(identity=P(Allow(get, "*")), resource=bp(RS("Allow", get, f"{BUCKET}/*", aws(BOB_A)))))
    case(a, "bucket_allow_wrong_action", "Bucket allows alice s3:PutObject only; GetObject, no identity -> implicit deny",
         R(get, OBJ), IDENY, pols(resource=bp(RS("Allow", "s3:PutObject", f"{BUCKET}/*", aws(ALICE)))))
    case(a, "bucket_allow_other_prefix", "Bucket allows alice on bucket/public/*; bucket/key -> implicit deny",
         R(get, OBJ), IDENY, pols(resource=bp(RS("Allow", get, f"{BUCKET}/public/*", aws(ALICE)))))
    case(a, "bucket_deny_everyone_overrides_identity", "Bucket Deny Principal * s3:GetObject; ID-Allow -> explicit deny",
         R(get, OBJ), EDENY,
         pols(identity=P(Allow("s3:*", "*")), resource=bp(RS("Deny", get, f"{BUCKET}/*", "*"))))
    case(a, "bucket_deny_condition_false", "Bucket Deny * if SecureTransport false; HTTPS request with ID-Allow -> allowed",
         R(get, OBJ, ctx={"aws:SecureTransport": "true"}), ALLOWED,
         pols(identity=P(Allow("s3:*", "*")),
              resource=bp(RS("Deny", "s3:*", [BUCKET, f"{BUCKET}/*"], "*",
                             condition={"Bool": {"aws:SecureTransport": "false"}}))))
    case(a, "bucket_deny_condition_true", "Bucket Deny * if SecureTransport false; HTTP request with ID-Allow -> explicit deny",
         R(get, OBJ, ctx={"aws:SecureTransport": "false"}), EDENY,
         pols(identity=P(Allow("s3:*", "*")),
              resource=bp(RS("Deny", "s3:*", [BUCKET, f"{BUCKET}/*"], "*",
                             condition={"Bool": {"aws:SecureTransport": "false"}}))))
    case(a, "identity_deny_overrides_bucket_allow", "Bucket allows alice; identity Deny s3:GetObject -> explicit deny",
         R(get, OBJ), EDENY,
         pols(identity=P(Deny(get, "*")), resource=bp(RS("Allow", get, f"{BUCKET}/*", aws(ALICE)))))
    case(a, "queue_policy_names_user", "Queue policy allows alice sqs:SendMessage; no identity policy -> allowed",
         R("sqs:SendMessage", QUEUE), ALLOWED, pols(resource=bp(RS("Allow", "sqs:SendMessage", QUEUE, aws(ALICE)))))
    case(a, "secret_policy_names_user", "Secrets Manager resource policy allows alice GetSecretValue; no identity policy -> allowed",
         R("secretsmanager:GetSecretValue", SECRET), ALLOWED,
         pols(resource=bp(RS("Allow", "secretsmanager:GetSecretValue", "*", aws(ALICE)))))
    ipb = bp(RS("Allow", get, f"{BUCKET}/*", aws(ALICE), condition={"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}))
    case(a, "bucket_allow_condition_true", "Bucket allows alice from 203.0.113.0/24; request from 203.0.113.9 -> allowed",
         R(get, OBJ, ctx={"aws:SourceIp": "203.0.113.9"}), ALLOWED, pols(resource=ipb))
    case(a, "bucket_allow_condition_false", "Bucket allows alice from 203.0.113.0/24; request from 198.51.100.1 -> implicit deny",
         R(get, OBJ, ctx={"aws:SourceIp": "198.51.100.1"}), IDENY, pols(resource=ipb))
    case(a, "bucket_names_role_session_has_no_limits",
         "Bucket names role/team/Dev; session without boundary or session policy, no identity policy -> allowed",
         R(get, OBJ, SESS), ALLOWED, pols(resource=bp(RS("Allow", get, f"{BUCKET}/*", aws(ROLE_DEV)))))
    case(a, "bucket_names_account_role_session_with_identity",
         "Bucket allows {AWS: A}; role session whose role allows s3:GetObject -> allowed",
         R(get, OBJ, SESS), ALLOWED,
         pols(identity=P(Allow(get, "*")), resource=bp(RS("Allow", get, f"{BUCKET}/*", aws(A)))))
    case(a, "bucket_names_account_role_session_without_identity",
         "Bucket allows {AWS: A}; role session without identity policy -> implicit deny",
         R(get, OBJ, SESS), IDENY, pols(resource=bp(RS("Allow", get, f"{BUCKET}/*", aws(A)))))
    case(a, "bucket_allow_notaction", "Bucket allows alice NotAction s3:DeleteObject; GetObject -> allowed",
         R(get, OBJ), ALLOWED,
         pols(resource=bp(S("Allow", None, f"{BUCKET}/*", principal=aws(ALICE), notaction="s3:DeleteObject"))))
    case(a, "bucket_allow_notaction_excluded_action", "Bucket allows alice NotAction s3:DeleteObject; DeleteObject -> implicit deny",
         R("s3:DeleteObject", OBJ), IDENY,
         pols(resource=bp(S("Allow", None, f"{BUCKET}/*", principal=aws(ALICE), notaction="s3:DeleteObject"))))
    case(a, "bucket_deny_notaction", "Bucket Deny * NotAction s3:GetObject; PutObject with ID-Allow -> explicit deny",
         R("s3:PutObject", OBJ), EDENY,
         pols(identity=P(Allow("s3:*", "*")),
              resource=bp(S("Deny", None, f"{BUCKET}/*", principal="*", notaction="s3:GetObject"))))
    case(a, "bucket_deny_without_principal_never_applies",
         "Bucket Deny statement without Principal never matches; ID-Allow -> allowed",
         R(get, OBJ), ALLOWED,
         pols(identity=P(Allow(get, "*")), resource=bp(S("Deny", get, f"{BUCKET}/*"))))
    case(a, "queue_policy_statement_without_resource_covers_queue",
         "Queue policy Allow for alice without Resource covers the queue it is attached to (R6) -> allowed",
         R("sqs:SendMessage", QUEUE), ALLOWED, pols(resource=bp(RS("Allow", "sqs:SendMessage", None, aws(ALICE)))))


# ===========================================================================
# evaluation: cross-account
# ===========================================================================

def gen_evaluation_cross_account():
    a = "evaluation_cross_account"
    get = "s3:GetObject"
    xr = lambda principal=ALICE, ctx=None, **kw: R(get, OBJ_B, principal, ctx, ra=B, **kw)
    allow_alice = P(RS("Allow", get, f"{BUCKET_B}/*", aws(ALICE)))
    case(a, "E12_bucket_allows_user_without_identity_policy",
         "E12: bucket in B allows alice (A); alice has no identity policy -> implicit deny",
         xr(), IDENY, pols(resource=allow_alice))
    case(a, "E13_identity_allow_and_bucket_allows_account",
         "E13: ID-Allow; bucket in B allows {AWS: A} -> allowed",
         xr(), ALLOWED, pols(identity=P(Allow(get, "*")), resource=P(RS("Allow", get, f"{BUCKET_B}/*", aws(A)))))
    case(a, "E14_session_arn_grant_has_no_boundary_bypass",
         "E14: role ID-Allow; bucket in B names the session ARN; role boundary ec2:* only -> implicit deny",
         xr(SESS), IDENY,
         pols(identity=P(Allow("s3:*", "*")), boundary=P(Allow("ec2:*", "*")),
              resource=P(RS("Allow", get, f"{BUCKET_B}/*", aws(SESS)))))
    case(a, "E15_identity_deny_wins_over_trusting_bucket",
         "E15: identity Deny s3:* on arn:aws:s3:::*log*; bucket central-logs in B allows alice -> explicit deny",
         R("s3:PutObject", "arn:aws:s3:::central-logs/app/1.gz", ra=B), EDENY,
         pols(identity=P(Allow("s3:*", "*"), Deny("s3:*", "arn:aws:s3:::*log*")),
              resource=P(RS("Allow", "s3:PutObject", "arn:aws:s3:::central-logs/*", aws(ALICE)))))
    case(a, "identity_allow_without_bucket_policy", "ID-Allow; bucket in B has no policy -> implicit deny",
         xr(), IDENY, pols(identity=P(Allow(get, "*"))))
    case(a, "identity_allow_and_bucket_names_user", "ID-Allow; bucket in B allows alice -> allowed",
         xr(), ALLOWED, pols(identity=P(Allow(get, "*")), resource=allow_alice))
    case(a, "bucket_names_other_user_of_caller_account", "ID-Allow; bucket in B allows only bob of A -> implicit deny",
         xr(), IDENY, pols(identity=P(Allow(get, "*")), resource=P(RS("Allow", get, f"{BUCKET_B}/*", aws(BOB_A)))))
    case(a, "bucket_trusts_only_its_own_account", "ID-Allow; bucket in B allows only {AWS: B} -> implicit deny",
         xr(), IDENY, pols(identity=P(Allow(get, "*")), resource=P(RS("Allow", get, f"{BUCKET_B}/*", aws(B)))))
    case(a, "public_bucket_with_identity_allow", "ID-Allow; bucket in B allows Principal * -> allowed",
         xr(), ALLOWED, pols(identity=P(Allow(get, "*")), resource=P(RS("Allow", get, f"{BUCKET_B}/*", "*"))))
    case(a, "public_bucket_without_identity_allow",
         "No identity policy; bucket in B allows Principal * -> implicit deny (authenticated caller needs its own account's allow)",
         xr(), IDENY, pols(resource=P(RS("Allow", get, f"{BUCKET_B}/*", "*"))))
    case(a, "bucket_names_role_session_of_caller_with_identity", "Role ID-Allow; bucket in B names role/team/Dev -> allowed",
         xr(SESS), ALLOWED, pols(identity=P(Allow(get, "*")), resource=P(RS("Allow", get, f"{BUCKET_B}/*", aws(ROLE_DEV)))))
    case(a, "bucket_names_session_with_identity", "Role ID-Allow; bucket in B names session s1 -> allowed",
         xr(SESS), ALLOWED, pols(identity=P(Allow(get, "*")), resource=P(RS("Allow", get, f"{BUCKET_B}/*", aws(SESS)))))
    case(a, "session_policy_blocks_cross_account",
         "Role ID-Allow; session policy ec2:* only; bucket in B names session s1 -> implicit deny (no bypass)",
         xr(SESS), IDENY,
         pols(identity=P(Allow(get, "*")), session=P(Allow("ec2:*", "*")),
              resource=P(RS("Allow", get, f"{BUCKET_B}/*", aws(SESS)))))
    case(a, "bucket_deny_for_cross_account_caller", "ID-Allow; bucket in B allows A but denies alice -> explicit deny",
         xr(), EDENY,
         pols(identity=P(Allow(get, "*")),
              resource=P(RS("Allow", get, f"{BUCKET_B}/*", aws(A)), RS("Deny", "s3:*", f"{BUCKET_B}/*", aws(ALICE)))))
    case(a, "queue_in_other_account_allows_caller_account", "ID-Allow sqs:SendMessage; queue in B allows {AWS: A} -> allowed",
         R("sqs:SendMessage", QUEUE_B), ALLOWED,
         pols(identity=P(Allow("sqs:SendMessage", QUEUE_B)), resource=P(RS("Allow", "sqs:SendMessage", QUEUE_B, aws(A)))))
    case(a, "federated_session_without_session_policy",
         "Federated session; alice ID-Allow; bucket in B names the federated-user ARN; no session policy -> implicit deny",
         xr(FED, fed=ALICE), IDENY,
         pols(identity=P(Allow(get, "*")), resource=P(RS("Allow", get, f"{BUCKET_B}/*", aws(FED)))))
    case(a, "federated_session_with_session_policy",
         "Federated session; alice ID-Allow; session policy allows s3:*; bucket in B names the federated-user ARN -> allowed",
         xr(FED, fed=ALICE), ALLOWED,
         pols(identity=P(Allow(get, "*")), session=P(Allow("s3:*", "*")),
              resource=P(RS("Allow", get, f"{BUCKET_B}/*", aws(FED)))))
    case(a, "boundary_blocks_cross_account", "ID-Allow; boundary ec2:* only; bucket in B allows alice -> implicit deny",
         xr(), IDENY, pols(identity=P(Allow(get, "*")), boundary=P(Allow("ec2:*", "*")), resource=allow_alice))
    case(a, "boundary_allows_cross_account", "ID-Allow; boundary s3:*; bucket in B allows alice -> allowed",
         xr(), ALLOWED, pols(identity=P(Allow(get, "*")), boundary=P(Allow("s3:*", "*")), resource=allow_alice))
    case(a, "caller_in_b_reads_bucket_in_a", "Bob (B) with ID-Allow; bucket in A allows {AWS: B} -> allowed",
         R(get, OBJ, BOB_B, ra=A), ALLOWED,
         pols(identity=P(Allow(get, "*")), resource=P(RS("Allow", get, f"{BUCKET}/*", aws(B)))))
    org = P(RS("Allow", get, f"{BUCKET_B}/*", "*", condition={"StringEquals": {"aws:PrincipalOrgID": ORG}}))
    case(a, "bucket_allows_org_caller_in_org", "ID-Allow; bucket in B allows * if aws:PrincipalOrgID matches; caller in org -> allowed",
         xr(ctx={"aws:PrincipalOrgID": ORG}), ALLOWED, pols(identity=P(Allow(get, "*")), resource=org))
    case(a, "bucket_allows_org_caller_outside_org", "same bucket policy; caller in another org -> implicit deny",
         xr(ctx={"aws:PrincipalOrgID": "o-zzzzzzzzzz"}), IDENY, pols(identity=P(Allow(get, "*")), resource=org))
    case(a, "identity_allows_other_bucket_only", "Identity allows only arn:aws:s3:::bucket/*; bucket-b in B allows alice -> implicit deny",
         xr(), IDENY, pols(identity=P(Allow(get, "arn:aws:s3:::bucket/*")), resource=allow_alice))
    case(a, "cross_account_role_arn_in_other_account_not_caller",
         "Bucket in B names arn:aws:iam::B:role/Dev; caller session of A's Dev with ID-Allow -> implicit deny",
         xr(SESS), IDENY, pols(identity=P(Allow(get, "*")), resource=P(RS("Allow", get, f"{BUCKET_B}/*", aws(ROLE_DEV_B)))))


# ===========================================================================
# evaluation: permissions boundaries
# ===========================================================================

def gen_evaluation_boundary():
    a = "evaluation_boundary"
    get = "s3:GetObject"
    ec2only = P(Allow("ec2:*", "*"))
    case(a, "E3_user_arn_grant_bypasses_boundary",
         "E3: same account; user boundary allows only ec2:*; bucket Allow names the user ARN -> allowed",
         R(get, OBJ), ALLOWED,
         pols(boundary=ec2only, resource=P(RS("Allow", get, f"{BUCKET}/*", aws(ALICE)))))
    case(a, "E4_role_arn_grant_capped_by_boundary",
         "E4: same account; role boundary ec2:* only; bucket Allow names the role ARN; caller session -> implicit deny",
         R(get, OBJ, SESS), IDENY,
         pols(boundary=ec2only, resource=P(RS("Allow", get, f"{BUCKET}/*", aws(ROLE_DEV)))))
    case(a, "E5_session_arn_grant_bypasses_boundary",
         "E5: as E4 but the bucket names the session ARN -> allowed",
         R(get, OBJ, SESS), ALLOWED,
         pols(boundary=ec2only, resource=P(RS("Allow", get, f"{BUCKET}/*", aws(SESS)))))
    case(a, "E6_star_principal_with_principal_arn_condition_bypasses_boundary",
         "E6: as E4 but bucket Principal * with ArnEquals aws:PrincipalArn = role ARN -> allowed",
         R(get, OBJ, SESS, ctx={"aws:PrincipalArn": ROLE_DEV}), ALLOWED,
         pols(boundary=ec2only,
              resource=P(RS("Allow", get, f"{BUCKET}/*", "*", condition={"ArnEquals": {"aws:PrincipalArn": ROLE_DEV}}))))
    case(a, "boundary_and_identity_both_allow", "Identity allows GetObject; boundary allows s3:* -> allowed",
         R(get, OBJ), ALLOWED, pols(identity=P(Allow(get, "*")), boundary=P(Allow("s3:*", "*"))))
    case(a, "boundary_excludes_identity_grant", "Identity allows s3:*; boundary allows ec2:* only -> implicit deny",
         R(get, OBJ), IDENY, pols(identity=P(Allow("s3:*", "*")), boundary=ec2only))
    case(a, "boundary_alone_grants_nothing", "Boundary allows s3:*; no identity policy -> implicit deny",
         R(get, OBJ), IDENY, pols(boundary=P(Allow("s3:*", "*"))))
    case(a, "boundary_explicit_deny", "Identity allows s3:*; boundary allows * but denies s3:GetObject -> explicit deny",
         R(get, OBJ), EDENY, pols(identity=P(Allow("s3:*", "*")), boundary=P(Allow("*", "*"), Deny(get, "*"))))
    case(a, "boundary_deny_beats_user_arn_grant",
         "Boundary denies s3:*; bucket names the user ARN -> explicit deny (explicit denies are never bypassed)",
         R(get, OBJ), EDENY,
         pols(boundary=P(Allow("*", "*"), Deny("s3:*", "*")), resource=P(RS("Allow", get, f"{BUCKET}/*", aws(ALICE)))))
    case(a, "boundary_condition_false", "Boundary allows s3:* only in us-east-1; request in eu-west-1 with ID-Allow -> implicit deny",
         R(get, OBJ, ctx={"aws:RequestedRegion": "eu-west-1"}), IDENY,
         pols(identity=P(Allow("s3:*", "*")),
              boundary=P(Allow("s3:*", "*", condition={"StringEquals": {"aws:RequestedRegion": "us-east-1"}}))))
    case(a, "boundary_condition_true", "Boundary allows s3:* only in us-east-1; request in us-east-1 with ID-Allow -> allowed",
         R(get, OBJ, ctx={"aws:RequestedRegion": "us-east-1"}), ALLOWED,
         pols(identity=P(Allow("s3:*", "*")),
              boundary=P(Allow("s3:*", "*", condition={"StringEquals": {"aws:RequestedRegion": "us-east-1"}}))))
    case(a, "boundary_on_role_caps_session", "Role allows s3:*; role boundary ec2:* only; session calls GetObject -> implicit deny",
         R(get, OBJ, SESS), IDENY, pols(identity=P(Allow("s3:*", "*")), boundary=ec2only))
    case(a, "boundary_star_principal_bucket_bypasses", "User boundary ec2:* only; bucket allows Principal * -> allowed",
         R(get, OBJ), ALLOWED, pols(boundary=ec2only, resource=P(RS("Allow", get, f"{BUCKET}/*", "*"))))
    case(a, "boundary_account_principal_bucket_blocks",
         "User ID-Allow s3:*; boundary ec2:* only; bucket allows {AWS: A} -> implicit deny (account grant needs identity path)",
         R(get, OBJ), IDENY,
         pols(identity=P(Allow("s3:*", "*")), boundary=ec2only, resource=P(RS("Allow", get, f"{BUCKET}/*", aws(A)))))
    nab = P(S("Allow", notaction="iam:*", resource="*"))
    case(a, "boundary_notaction_allows_other_services", "Boundary Allow NotAction iam:*; ID-Allow *; s3:GetObject -> allowed",
         R(get, OBJ), ALLOWED, pols(identity=P(Allow("*", "*")), boundary=nab))
    case(a, "boundary_notaction_blocks_listed_service", "Boundary Allow NotAction iam:*; ID-Allow *; iam:CreateUser -> implicit deny",
         R("iam:CreateUser", f"arn:aws:iam::{A}:user/mallory"), IDENY, pols(identity=P(Allow("*", "*")), boundary=nab))
    case(a, "boundary_resource_narrower_than_identity",
         "ID-Allow s3:* on *; boundary allows s3:* on arn:aws:s3:::public/* only; bucket/key -> implicit deny",
         R(get, OBJ), IDENY, pols(identity=P(Allow("s3:*", "*")), boundary=P(Allow("s3:*", "arn:aws:s3:::public/*"))))
    case(a, "boundary_federated_user_arn_grant_bypasses",
         "Federated session; alice's boundary ec2:* only; bucket names the federated-user ARN -> allowed",
         R(get, OBJ, FED, fed=ALICE), ALLOWED,
         pols(boundary=ec2only, resource=P(RS("Allow", get, f"{BUCKET}/*", aws(FED)))))
    case(a, "boundary_blocks_user_of_federated_session_grant",
         "Federated session; boundary ec2:* only; session policy allows s3:*; bucket names alice -> implicit deny",
         R(get, OBJ, FED, fed=ALICE), IDENY,
         pols(boundary=ec2only, session=P(Allow("s3:*", "*")), resource=P(RS("Allow", get, f"{BUCKET}/*", aws(ALICE)))))
    case(a, "boundary_allows_user_of_federated_session_grant",
         "Federated session; boundary s3:*; session policy allows s3:*; bucket names alice, no identity policy -> allowed",
         R(get, OBJ, FED, fed=ALICE), ALLOWED,
         pols(boundary=P(Allow("s3:*", "*")), session=P(Allow("s3:*", "*")),
              resource=P(RS("Allow", get, f"{BUCKET}/*", aws(ALICE)))))


# ===========================================================================
# evaluation: session policies
# ===========================================================================

def gen_evaluation_session():
    a = "evaluation_session"
    get = "s3:GetObject"
    ec2 = P(Allow("ec2:*", "*"))
    case(a, "E7_session_policy_caps_identity",
         "E7: session policy allows only ec2:*; role ID-Allow s3:*; no bucket grant -> implicit deny",
         R(get, OBJ, SESS), IDENY, pols(identity=P(Allow("s3:*", "*")), session=ec2))
    case(a, "E8_role_arn_grant_capped_by_session_policy",
         "E8: session policy ec2:* only; role ID-Allow s3:*; bucket names the role ARN -> implicit deny",
         R(get, OBJ, SESS), IDENY,
         pols(identity=P(Allow("s3:*", "*")), session=ec2, resource=P(RS("Allow", get, f"{BUCKET}/*", aws(ROLE_DEV)))))
    case(a, "E8_session_arn_grant_not_capped_by_session_policy",
         "E8: session policy ec2:* only; bucket names the session ARN -> allowed (docs; D1)",
         R(get, OBJ, SESS), ALLOWED,
         pols(identity=P(Allow("s3:*", "*")), session=ec2, resource=P(RS("Allow", get, f"{BUCKET}/*", aws(SESS)))))
    case(a, "E9_session_policy_explicit_deny_beats_session_arn_grant",
         "E9: session policy Deny s3:*; bucket names the session ARN -> explicit deny",
         R(get, OBJ, SESS), EDENY,
         pols(session=P(Allow("*", "*"), Deny("s3:*", "*")), resource=P(RS("Allow", get, f"{BUCKET}/*", aws(SESS)))))
    case(a, "E10_federated_session_without_session_policy_has_no_identity_path",
         "E10: federated session, no session policy passed; alice ID-Allow s3:*; no bucket grant -> implicit deny",
         R(get, OBJ, FED, fed=ALICE), IDENY, pols(identity=P(Allow("s3:*", "*"))))
    case(a, "E10_federated_session_arn_grant",
         "E10: same, but the bucket names the federated-user ARN -> allowed",
         R(get, OBJ, FED, fed=ALICE), ALLOWED,
         pols(identity=P(Allow("s3:*", "*")), resource=P(RS("Allow", get, f"{BUCKET}/*", aws(FED)))))
    case(a, "E11_user_arn_grant_capped_for_federated_session",
         "E11: federated session; bucket names alice (who federated); session policy allows only ec2:* -> implicit deny",
         R(get, OBJ, FED, fed=ALICE), IDENY,
         pols(session=ec2, resource=P(RS("Allow", get, f"{BUCKET}/*", aws(ALICE)))))
    case(a, "session_policy_and_identity_allow", "Role ID-Allow s3:*; session policy allows s3:GetObject -> allowed",
         R(get, OBJ, SESS), ALLOWED, pols(identity=P(Allow("s3:*", "*")), session=P(Allow(get, "*"))))
    case(a, "session_policy_alone_grants_nothing", "Session policy allows s3:*; role has no identity policy -> implicit deny",
         R(get, OBJ, SESS), IDENY, pols(session=P(Allow("s3:*", "*"))))
    case(a, "role_session_without_session_policy", "Role ID-Allow s3:*; no session policy passed -> allowed",
         R(get, OBJ, SESS), ALLOWED, pols(identity=P(Allow("s3:*", "*"))))
    case(a, "session_policy_resource_narrower", "Session policy allows s3:* on public/* only; bucket/key -> implicit deny",
         R(get, OBJ, SESS), IDENY, pols(identity=P(Allow("s3:*", "*")), session=P(Allow("s3:*", "arn:aws:s3:::public/*"))))
    case(a, "session_policy_deny_with_identity_allow", "Role ID-Allow s3:*; session policy Allow * and Deny GetObject -> explicit deny",
         R(get, OBJ, SESS), EDENY, pols(identity=P(Allow("s3:*", "*")), session=P(Allow("*", "*"), Deny(get, "*"))))
    case(a, "star_principal_grant_not_capped_by_session_policy",
         "Session policy ec2:* only; bucket allows Principal * -> allowed",
         R(get, OBJ, SESS), ALLOWED, pols(session=ec2, resource=P(RS("Allow", get, f"{BUCKET}/*", "*"))))
    case(a, "account_principal_grant_capped_by_session_policy",
         "Role ID-Allow s3:*; session policy ec2:* only; bucket allows {AWS: A} -> implicit deny",
         R(get, OBJ, SESS), IDENY,
         pols(identity=P(Allow("s3:*", "*")), session=ec2, resource=P(RS("Allow", get, f"{BUCKET}/*", aws(A)))))
    case(a, "federated_session_with_session_policy_and_identity",
         "Federated session; alice ID-Allow s3:*; session policy allows s3:GetObject -> allowed",
         R(get, OBJ, FED, fed=ALICE), ALLOWED, pols(identity=P(Allow("s3:*", "*")), session=P(Allow(get, "*"))))
    case(a, "federated_session_policy_without_user_identity",
         "Federated session; session policy allows s3:*; alice has no identity policy -> implicit deny",
         R(get, OBJ, FED, fed=ALICE), IDENY, pols(session=P(Allow("s3:*", "*"))))
    case(a, "federated_session_user_arn_grant_with_session_policy",
         "Federated session; session policy allows s3:*; bucket names alice; no identity policy, no boundary -> allowed",
         R(get, OBJ, FED, fed=ALICE), ALLOWED,
         pols(session=P(Allow("s3:*", "*")), resource=P(RS("Allow", get, f"{BUCKET}/*", aws(ALICE)))))
    case(a, "session_policy_and_boundary_both_required",
         "Role ID-Allow s3:*; session policy s3:*; boundary ec2:* only -> implicit deny",
         R(get, OBJ, SESS), IDENY,
         pols(identity=P(Allow("s3:*", "*")), session=P(Allow("s3:*", "*")), boundary=ec2))
    case(a, "federated_session_policy_deny", "Federated session; alice ID-Allow *; session policy Allow * and Deny s3:* -> explicit deny",
         R(get, OBJ, FED, fed=ALICE), EDENY,
         pols(identity=P(Allow("*", "*")), session=P(Allow("*", "*"), Deny("s3:*", "*"))))
    cs = P(Allow("s3:*", "*", condition={"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}))
    case(a, "session_policy_condition_true", "Session policy allows s3:* from 203.0.113.0/24; request from 203.0.113.5 -> allowed",
         R(get, OBJ, SESS, ctx={"aws:SourceIp": "203.0.113.5"}), ALLOWED, pols(identity=P(Allow("s3:*", "*")), session=cs))
    case(a, "session_policy_condition_false", "Session policy allows s3:* from 203.0.113.0/24; request from 198.51.100.1 -> implicit deny",
         R(get, OBJ, SESS, ctx={"aws:SourceIp": "198.51.100.1"}), IDENY, pols(identity=P(Allow("s3:*", "*")), session=cs))


# ===========================================================================
# evaluation: SCPs
# ===========================================================================

def gen_evaluation_scp():
    a = "evaluation_scp"
    get = "s3:GetObject"
    idallow = P(Allow("s3:*", "*"))
    deny_s3 = scp(Deny("s3:*", "*"))
    allow_ec2 = scp(Allow("ec2:*", "*"))
    allow_s3 = scp(Allow("s3:*", "*"))
    F = FULL_AWS_ACCESS
    case(a, "E16_ou_level_without_allow_denies",
         "E16: SCPs root FullAWSAccess, OU Allow ec2:* only, account FullAWSAccess; ID-Allow s3:GetObject -> implicit deny",
         R(get, OBJ), IDENY, pols(identity=P(Allow(get, "*")), scp=[[F], [allow_ec2], [F]]))
    case(a, "E17_management_account_caller_exempt",
         "E17: SCP Deny s3:*; caller in the management account with ID-Allow -> allowed",
         R(get, OBJ), ALLOWED, pols(identity=idallow, scp=[[F, deny_s3]]),
         options={"callerInManagementAccount": True})
    slr_id = P(Allow("ec2:Describe*", "*"))
    deny_all = scp(Deny("*", "*"))
    case(a, "E18_service_linked_role_option_exempt",
         "E18: SCP Deny *; caller session of a role flagged service-linked (option) -> SCP ignored, allowed",
         R("ec2:DescribeInstances", "*", f"arn:aws:sts::{A}:assumed-role/LegacyLinked/s1",
           role=f"arn:aws:iam::{A}:role/LegacyLinked"), ALLOWED,
         pols(identity=slr_id, scp=[[F, deny_all]]), options={"serviceLinkedRole": True})
    case(a, "E18_service_linked_role_by_path_exempt",
         "E18: SCP Deny *; role session whose role path is /aws-service-role/ -> SCP ignored, allowed",
         R("ec2:DescribeInstances", "*", f"arn:aws:sts::{A}:assumed-role/CustomLinkedRole/s1",
           role=f"arn:aws:iam::{A}:role/aws-service-role/custom.amazonaws.com/CustomLinkedRole"), ALLOWED,
         pols(identity=slr_id, scp=[[F, deny_all]]))
    case(a, "E18_service_linked_role_by_name_exempt",
         "E18: SCP Deny *; session of role AWSServiceRoleForECS -> SCP ignored, allowed",
         R("ec2:DescribeInstances", "*", f"arn:aws:sts::{A}:assumed-role/AWSServiceRoleForECS/ecs-session"), ALLOWED,
         pols(identity=slr_id, scp=[[F, deny_all]]))
    case(a, "E19_member_root_user_denied_by_scp",
         "E19: SCP Deny s3:*; member-account root user on its own bucket -> explicit deny",
         R(get, OBJ, ROOT_A), EDENY, pols(scp=[[F, deny_s3]]))
    case(a, "E20_other_accounts_scp_does_not_bind_caller",
         "E20: caller from A (SCP chain FullAWSAccess only; B's SCP Deny s3:* is not on A's chain) reads B's bucket with bucket Allow + ID-Allow -> allowed",
         R(get, OBJ_B, ra=B), ALLOWED,
         pols(identity=idallow, resource=P(RS("Allow", get, f"{BUCKET_B}/*", aws(A))), scp=[[F], [F]]))
    case(a, "full_access_single_level", "SCP FullAWSAccess at the only level; ID-Allow -> allowed",
         R(get, OBJ), ALLOWED, pols(identity=idallow, scp=[[F]]))
    case(a, "full_access_three_levels", "FullAWSAccess at root, OU and account; ID-Allow -> allowed",
         R(get, OBJ), ALLOWED, pols(identity=idallow, scp=[[F], [F], [F]]))
    case(a, "level_without_any_scp_denies", "Levels [FullAWSAccess], [] , [FullAWSAccess]; empty OU level allows nothing -> implicit deny",
         R(get, OBJ), IDENY, pols(identity=idallow, scp=[[F], [], [F]]))
    case(a, "deny_at_account_level", "FullAWSAccess everywhere plus Deny s3:* at account level -> explicit deny",
         R(get, OBJ), EDENY, pols(identity=idallow, scp=[[F], [F], [F, deny_s3]]))
    case(a, "deny_at_root_level", "Deny s3:GetObject at root level -> explicit deny",
         R(get, OBJ), EDENY, pols(identity=idallow, scp=[[F, scp(Deny(get, "*"))], [F]]))
    case(a, "policies_at_one_level_are_ored", "OU level [Allow ec2:*, Allow s3:*] -> s3 allowed",
         R(get, OBJ), ALLOWED, pols(identity=idallow, scp=[[F], [allow_ec2, allow_s3], [F]]))
    case(a, "scp_allow_does_not_grant", "SCP FullAWSAccess; no identity policy -> implicit deny",
         R(get, OBJ), IDENY, pols(scp=[[F]]))
    reg = scp(Allow("s3:*", "*", condition={"StringEquals": {"aws:RequestedRegion": "us-east-1"}}))
    case(a, "allow_with_condition_true", "OU SCP allows s3:* only in us-east-1; request in us-east-1 -> allowed",
         R(get, OBJ, ctx={"aws:RequestedRegion": "us-east-1"}), ALLOWED, pols(identity=idallow, scp=[[F], [reg]]))
    case(a, "allow_with_condition_false", "OU SCP allows s3:* only in us-east-1; request in eu-west-1 -> implicit deny",
         R(get, OBJ, ctx={"aws:RequestedRegion": "eu-west-1"}), IDENY, pols(identity=idallow, scp=[[F], [reg]]))
    region_guard = scp(S("Deny", notaction=["iam:*", "sts:*", "organizations:*"], resource="*",
                         condition={"StringNotEquals": {"aws:RequestedRegion": ["us-east-1"]}}))
    case(a, "region_guard_denies_other_region", "Deny NotAction [iam,sts,organizations] outside us-east-1; s3 in eu-west-1 -> explicit deny",
         R(get, OBJ, ctx={"aws:RequestedRegion": "eu-west-1"}), EDENY, pols(identity=idallow, scp=[[F, region_guard]]))
    case(a, "region_guard_allows_home_region", "same region guard; s3 in us-east-1 -> allowed",
         R(get, OBJ, ctx={"aws:RequestedRegion": "us-east-1"}), ALLOWED, pols(identity=idallow, scp=[[F, region_guard]]))
    case(a, "region_guard_exempts_global_service", "same region guard; iam:ListUsers reported in eu-west-1 -> allowed (NotAction)",
         R("iam:ListUsers", "*", ctx={"aws:RequestedRegion": "eu-west-1"}), ALLOWED,
         pols(identity=P(Allow("iam:List*", "*")), scp=[[F, region_guard]]))
    admin_ex = scp(Deny("s3:DeleteBucket", "*", condition={"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/Admin"}}))
    case(a, "deny_with_principal_exception_denies_others", "SCP Deny s3:DeleteBucket unless aws:PrincipalArn is role/Admin; alice -> explicit deny",
         R("s3:DeleteBucket", BUCKET, ctx={"aws:PrincipalArn": ALICE}), EDENY, pols(identity=idallow, scp=[[F, admin_ex]]))
    case(a, "deny_with_principal_exception_spares_admin", "same SCP; session of role Admin -> allowed",
         R("s3:DeleteBucket", BUCKET, f"arn:aws:sts::{A}:assumed-role/Admin/ops", ctx={"aws:PrincipalArn": f"arn:aws:iam::{A}:role/Admin"},
           role=f"arn:aws:iam::{A}:role/Admin"), ALLOWED, pols(identity=idallow, scp=[[F, admin_ex]]))
    case(a, "scp_caps_same_account_resource_policy_grant",
         "Bucket names alice (no identity policy); SCP chain allows only ec2:* -> implicit deny",
         R(get, OBJ), IDENY, pols(resource=P(RS("Allow", get, f"{BUCKET}/*", aws(ALICE))), scp=[[F], [allow_ec2]]))
    case(a, "scp_deny_beats_resource_policy_grant", "Bucket names alice; SCP Deny s3:* -> explicit deny",
         R(get, OBJ), EDENY, pols(resource=P(RS("Allow", get, f"{BUCKET}/*", aws(ALICE))), scp=[[F, deny_s3]]))
    case(a, "scp_deny_applies_to_cross_account_caller", "alice (A, SCP Deny s3:*) reads B's bucket that allows her, ID-Allow -> explicit deny",
         R(get, OBJ_B, ra=B), EDENY,
         pols(identity=idallow, resource=P(RS("Allow", get, f"{BUCKET_B}/*", aws(ALICE))), scp=[[F, deny_s3]]))
    case(a, "scp_not_applied_to_service_principal", "SCP Deny * supplied; caller s3.amazonaws.com allowed by topic policy -> allowed",
         R("sns:Publish", TOPIC, "s3.amazonaws.com"), ALLOWED,
         pols(resource=P(RS("Allow", "sns:Publish", TOPIC, svc("s3.amazonaws.com"))), scp=[[F, deny_all]]))
    case(a, "scp_not_applied_to_anonymous", "SCP Deny s3:* supplied; anonymous caller on a public bucket -> allowed",
         R(get, OBJ, ANON, ra=A), ALLOWED,
         pols(resource=P(RS("Allow", get, f"{BUCKET}/*", "*")), scp=[[F, deny_s3]]))
    case(a, "member_root_with_full_access", "Member-account root, SCP FullAWSAccess on every level -> allowed",
         R(get, OBJ, ROOT_A), ALLOWED, pols(scp=[[F], [F]]))
    case(a, "member_root_ou_without_allow", "Member-account root, OU level allows only ec2:* -> implicit deny",
         R(get, OBJ, ROOT_A), IDENY, pols(scp=[[F], [allow_ec2]]))
    case(a, "management_root_exempt", "Management-account root with SCP Deny s3:* -> allowed",
         R(get, OBJ, ROOT_A), ALLOWED, pols(scp=[[F, deny_s3]]), options={"callerInManagementAccount": True})
    case(a, "management_account_empty_level_exempt", "Management-account user; SCP chain has an empty level -> allowed",
         R(get, OBJ), ALLOWED, pols(identity=idallow, scp=[[F], []]), options={"callerInManagementAccount": True})
    case(a, "management_account_identity_deny_still_applies", "Management-account user; identity Deny s3:* -> explicit deny",
         R(get, OBJ), EDENY, pols(identity=P(Allow("*", "*"), Deny("s3:*", "*")), scp=[[F]]),
         options={"callerInManagementAccount": True})
    res_scp = scp(Allow("s3:*", "arn:aws:s3:::bucket/*"))
    case(a, "allow_specific_resource_matches", "OU SCP allows s3:* on bucket/* only; bucket/key -> allowed",
         R(get, OBJ), ALLOWED, pols(identity=idallow, scp=[[F], [res_scp]]))
    case(a, "allow_specific_resource_other_bucket", "OU SCP allows s3:* on bucket/* only; other/key -> implicit deny",
         R(get, "arn:aws:s3:::other/key"), IDENY, pols(identity=idallow, scp=[[F], [res_scp]]))
    case(a, "allow_specific_resource_misses_wildcard_only_action", "OU SCP allows s3:* on bucket/* only; s3:ListAllMyBuckets -> implicit deny",
         R("s3:ListAllMyBuckets", "*"), IDENY, pols(identity=idallow, scp=[[F], [res_scp]]))
    case(a, "allow_infix_wildcard_action", "OU SCP allows s3:*Object (full language); GetObject -> allowed",
         R(get, OBJ), ALLOWED, pols(identity=idallow, scp=[[F], [scp(Allow("s3:*Object", "*"))]]))
    na = scp(S("Allow", notaction="iam:*", resource="*"))
    case(a, "allow_notaction_covers_other_services", "OU SCP Allow NotAction iam:*; s3:GetObject -> allowed",
         R(get, OBJ), ALLOWED, pols(identity=P(Allow("*", "*")), scp=[[F], [na]]))
    case(a, "allow_notaction_excludes_listed_service", "OU SCP Allow NotAction iam:*; iam:CreateUser -> implicit deny",
         R("iam:CreateUser", f"arn:aws:iam::{A}:user/mallory"), IDENY, pols(identity=P(Allow("*", "*")), scp=[[F], [na]]))
    case(a, "deny_applies_to_role_session", "SCP Deny s3:*; role session with ID-Allow -> explicit deny",
         R(get, OBJ, SESS), EDENY, pols(identity=idallow, scp=[[F, deny_s3]]))
    case(a, "deny_applies_to_federated_session", "SCP Deny s3:*; federated session with session policy and ID-Allow -> explicit deny",
         R(get, OBJ, FED, fed=ALICE), EDENY, pols(identity=idallow, session=P(Allow("*", "*")), scp=[[F, deny_s3]]))
    case(a, "deny_with_condition_false", "SCP Deny s3:* if aws:PrincipalOrgID is not the org; caller in org -> allowed",
         R(get, OBJ, ctx={"aws:PrincipalOrgID": ORG}), ALLOWED,
         pols(identity=idallow, scp=[[F, scp(Deny("s3:*", "*", condition={"StringNotEquals": {"aws:PrincipalOrgID": ORG}}))]]))
    case(a, "deny_wildcard_only_action", "SCP Deny s3:ListAllMyBuckets on *; wildcard-only request -> explicit deny",
         R("s3:ListAllMyBuckets", "*"), EDENY, pols(identity=idallow, scp=[[F, scp(Deny("s3:ListAllMyBuckets", "*"))]]))
    case(a, "service_linked_role_still_needs_identity_allow", "Service-linked role session exempt from SCPs but without identity policy -> implicit deny",
         R("ec2:DescribeInstances", "*", f"arn:aws:sts::{A}:assumed-role/AWSServiceRoleForECS/ecs-session"), IDENY,
         pols(scp=[[F]]))


# ===========================================================================
# evaluation: RCPs
# ===========================================================================

def gen_evaluation_rcp():
    a = "evaluation_rcp"
    get = "s3:GetObject"
    idallow = P(Allow("s3:*", "*"))
    org_guard = rcp(rcp_deny("s3:*", condition={"StringNotEqualsIfExists": {"aws:PrincipalOrgID": ORG}},
                             sid="EnforceOrgIdentities"))
    b_allows_alice = P(RS("Allow", get, f"{BUCKET_B}/*", aws(ALICE)))
    case(a, "E21_rcp_denies_caller_outside_org",
         "E21: RCP in B: Deny s3:* if StringNotEqualsIfExists aws:PrincipalOrgID; external caller (no org) with bucket Allow + ID-Allow -> explicit deny",
         R(get, OBJ_B, ra=B), EDENY, pols(identity=idallow, resource=b_allows_alice, rcp=[[org_guard]]))
    case(a, "E21_rcp_spares_caller_in_org",
         "E21 (variant): same RCP; caller's aws:PrincipalOrgID is the org -> allowed",
         R(get, OBJ_B, ra=B, ctx={"aws:PrincipalOrgID": ORG}), ALLOWED,
         pols(identity=idallow, resource=b_allows_alice, rcp=[[org_guard]]))
    case(a, "E22_resource_in_management_account_exempt",
         "E22: same RCP; resource in the management account -> RCP not applied, allowed",
         R(get, OBJ_B, ra=B), ALLOWED, pols(identity=idallow, resource=b_allows_alice, rcp=[[org_guard]]),
         options={"resourceInManagementAccount": True})
    public = P(RS("Allow", get, f"{BUCKET}/*", "*"))
    case(a, "E23_rcp_denies_anonymous_on_public_bucket",
         "E23: public bucket (Principal * Allow), anonymous caller, RCP Deny on the bucket's account -> explicit deny",
         R(get, OBJ, ANON, ra=A), EDENY, pols(resource=public, rcp=[[org_guard]]))
    case(a, "E23_scp_does_not_affect_anonymous",
         "E23: public bucket, anonymous caller, only an SCP Deny s3:* -> allowed",
         R(get, OBJ, ANON, ra=A), ALLOWED, pols(resource=public, scp=[[FULL_AWS_ACCESS, scp(Deny("s3:*", "*"))]]))
    case(a, "E24_rcp_full_access_only",
         "E24: only RCPFullAWSAccess (levels without customer RCPs); ID-Allow; no bucket policy -> allowed",
         R(get, OBJ), ALLOWED, pols(identity=idallow, rcp=[[], []]))
    case(a, "rcp_does_not_grant", "Only RCPFullAWSAccess; no identity policy -> implicit deny",
         R(get, OBJ), IDENY, pols(rcp=[[]]))
    deny_get = rcp(rcp_deny(get))
    case(a, "rcp_deny_at_ou_level", "RCP Deny s3:GetObject at the OU level (root level empty) -> explicit deny",
         R(get, OBJ), EDENY, pols(identity=idallow, rcp=[[], [deny_get], []]))
    case(a, "rcp_deny_at_account_level", "RCP Deny s3:GetObject at the account level -> explicit deny",
         R(get, OBJ), EDENY, pols(identity=idallow, rcp=[[], [], [deny_get]]))
    case(a, "rcp_deny_same_account_caller", "RCP Deny s3:DeleteBucket; same-account user with ID-Allow -> explicit deny",
         R("s3:DeleteBucket", BUCKET), EDENY, pols(identity=idallow, rcp=[[rcp(rcp_deny("s3:DeleteBucket"))]]))
    case(a, "rcp_deny_other_action_not_applied", "RCP Deny s3:DeleteBucket; GetObject -> allowed",
         R(get, OBJ), ALLOWED, pols(identity=idallow, rcp=[[rcp(rcp_deny("s3:DeleteBucket"))]]))
    case(a, "rcp_multiple_policies_one_denies", "Two RCPs at one level, the second denies -> explicit deny",
         R(get, OBJ), EDENY,
         pols(identity=idallow, rcp=[[rcp(rcp_deny("s3:DeleteBucket")), deny_get]]))
    sqs_tls = rcp(rcp_deny("sqs:*", condition={"Bool": {"aws:SecureTransport": "false"}}))
    case(a, "rcp_sqs_requires_tls_denies_http", "RCP Deny sqs:* if SecureTransport false; HTTP request -> explicit deny",
         R("sqs:SendMessage", QUEUE, ctx={"aws:SecureTransport": "false"}), EDENY,
         pols(identity=P(Allow("sqs:*", "*")), rcp=[[sqs_tls]]))
    case(a, "rcp_sqs_requires_tls_allows_https", "RCP Deny sqs:* if SecureTransport false; HTTPS request -> allowed",
         R("sqs:SendMessage", QUEUE, ctx={"aws:SecureTransport": "true"}), ALLOWED,
         pols(identity=P(Allow("sqs:*", "*")), rcp=[[sqs_tls]]))
    kms_guard = rcp(rcp_deny("kms:*", condition={"StringNotEqualsIfExists": {"aws:PrincipalOrgID": ORG}}))
    key_b_policy = P(RS("Allow", "kms:*", "*", aws(ROOT_B), sid="EnableIAMUserPermissions"),
                     RS("Allow", "kms:Decrypt", "*", aws(A), sid="AllowAccountA"))
    case(a, "rcp_kms_external_caller_denied", "Key in B allows account A; alice (no org) with ID-Allow; RCP in B requires org -> explicit deny",
         R("kms:Decrypt", KEY_B), EDENY,
         pols(identity=P(Allow("kms:Decrypt", "*")), resource=key_b_policy, rcp=[[kms_guard]]))
    case(a, "rcp_kms_org_caller_allowed", "same, alice's aws:PrincipalOrgID is the org -> allowed",
         R("kms:Decrypt", KEY_B, ctx={"aws:PrincipalOrgID": ORG}), ALLOWED,
         pols(identity=P(Allow("kms:Decrypt", "*")), resource=key_b_policy, rcp=[[kms_guard]]))
    sm = rcp(rcp_deny("secretsmanager:GetSecretValue",
                      condition={"StringNotEqualsIfExists": {"aws:PrincipalAccount": B}}))
    case(a, "rcp_secretsmanager_other_account_denied",
         "Secret in B shared with A by resource policy; RCP in B denies principals outside B -> explicit deny",
         R("secretsmanager:GetSecretValue", SECRET_B, ctx={"aws:PrincipalAccount": A}), EDENY,
         pols(identity=P(Allow("secretsmanager:GetSecretValue", "*")),
              resource=P(RS("Allow", "secretsmanager:GetSecretValue", "*", aws(A))), rcp=[[sm]]))
    ddb = rcp(rcp_deny("dynamodb:*", condition={"StringNotEqualsIfExists": {"aws:PrincipalOrgID": ORG}}))
    case(a, "rcp_dynamodb_org_caller_allowed", "RCP Deny dynamodb:* outside the org; caller in org with ID-Allow -> allowed",
         R("dynamodb:GetItem", TABLE, ctx={"aws:PrincipalOrgID": ORG}), ALLOWED,
         pols(identity=P(Allow("dynamodb:GetItem", TABLE)), rcp=[[ddb]]))
    case(a, "rcp_dynamodb_no_org_denied", "RCP Deny dynamodb:* outside the org; caller without aws:PrincipalOrgID -> explicit deny",
         R("dynamodb:GetItem", TABLE), EDENY, pols(identity=P(Allow("dynamodb:GetItem", TABLE)), rcp=[[ddb]]))
    case(a, "rcp_logs_deny", "RCP Deny logs:DeleteLogGroup; ID-Allow logs:* -> explicit deny",
         R("logs:DeleteLogGroup", LOGGROUP), EDENY,
         pols(identity=P(Allow("logs:*", "*")), rcp=[[rcp(rcp_deny("logs:DeleteLogGroup"))]]))
    case(a, "rcp_ecr_deny_other_action", "RCP Deny ecr:DeleteRepository; ecr:BatchGetImage with ID-Allow -> allowed",
         R("ecr:BatchGetImage", REPO), ALLOWED,
         pols(identity=P(Allow("ecr:*", "*")), rcp=[[rcp(rcp_deny("ecr:DeleteRepository"))]]))
    case(a, "rcp_ecr_deny", "RCP Deny ecr:DeleteRepository; ecr:DeleteRepository with ID-Allow -> explicit deny",
         R("ecr:DeleteRepository", REPO), EDENY,
         pols(identity=P(Allow("ecr:*", "*")), rcp=[[rcp(rcp_deny("ecr:DeleteRepository"))]]))
    pool = f"arn:aws:cognito-idp:us-east-1:{A}:userpool/us-east-1_Example"
    case(a, "rcp_cognito_deny", "RCP Deny cognito-idp:DeleteUserPool; ID-Allow -> explicit deny",
         R("cognito-idp:DeleteUserPool", pool), EDENY,
         pols(identity=P(Allow("cognito-idp:*", "*")), rcp=[[rcp(rcp_deny("cognito-idp:DeleteUserPool"))]]))
    case(a, "rcp_not_applied_to_ec2", "RCP Deny ec2:TerminateInstances supplied; ec2 is not an RCP service -> allowed",
         R("ec2:TerminateInstances", INSTANCE), ALLOWED,
         pols(identity=P(Allow("ec2:*", "*")), rcp=[[rcp(rcp_deny("ec2:TerminateInstances"))]]))
    case(a, "rcp_not_applied_to_lambda", "RCP Deny lambda:InvokeFunction supplied; lambda is not an RCP service -> allowed",
         R("lambda:InvokeFunction", FUNC), ALLOWED,
         pols(identity=P(Allow("lambda:InvokeFunction", "*")), rcp=[[rcp(rcp_deny("lambda:InvokeFunction"))]]))
    case(a, "rcp_service_linked_role_exempt", "RCP Deny s3:*; caller is a service-linked role session -> allowed",
         R(get, OBJ, f"arn:aws:sts::{A}:assumed-role/AWSServiceRoleForECS/ecs-session"), ALLOWED,
         pols(identity=idallow, rcp=[[rcp(rcp_deny("s3:*"))]]))
    case(a, "rcp_service_linked_role_option_exempt", "RCP Deny s3:*; options.serviceLinkedRole -> allowed",
         R(get, OBJ, SESS), ALLOWED, pols(identity=idallow, rcp=[[rcp(rcp_deny("s3:*"))]]),
         options={"serviceLinkedRole": True})
    case(a, "rcp_applies_to_root_caller", "RCP Deny s3:DeleteBucket; root of the bucket's account -> explicit deny",
         R("s3:DeleteBucket", BUCKET, ROOT_A), EDENY, pols(rcp=[[rcp(rcp_deny("s3:DeleteBucket"))]]))
    case(a, "rcp_applies_to_caller_from_management_account",
         "Caller in the management account (SCP-exempt) reads B's bucket; RCP in B denies outsiders -> explicit deny",
         R(get, OBJ_B, ra=B), EDENY, pols(identity=idallow, resource=b_allows_alice, rcp=[[org_guard]]),
         options={"callerInManagementAccount": True})
    ct_guard = rcp(rcp_deny("s3:*", condition={"StringNotEqualsIfExists": {"aws:SourceAccount": A},
                                               "Bool": {"aws:PrincipalIsAWSService": "true"}}))
    ct_bucket = P(RS("Allow", "s3:PutObject", "arn:aws:s3:::trail-bucket/AWSLogs/*", svc("cloudtrail.amazonaws.com")))
    case(a, "rcp_applies_to_service_principal_wrong_source",
         "Bucket allows cloudtrail.amazonaws.com; RCP denies services acting for other accounts; SourceAccount B -> explicit deny",
         R("s3:PutObject", "arn:aws:s3:::trail-bucket/AWSLogs/x.json.gz", "cloudtrail.amazonaws.com", ra=A,
           ctx={"aws:SourceAccount": B, "aws:PrincipalIsAWSService": "true"}), EDENY,
         pols(resource=ct_bucket, rcp=[[ct_guard]]))
    case(a, "rcp_applies_to_service_principal_own_source",
         "same; SourceAccount A -> allowed",
         R("s3:PutObject", "arn:aws:s3:::trail-bucket/AWSLogs/x.json.gz", "cloudtrail.amazonaws.com", ra=A,
           ctx={"aws:SourceAccount": A, "aws:PrincipalIsAWSService": "true"}), ALLOWED,
         pols(resource=ct_bucket, rcp=[[ct_guard]]))
    nr = rcp(rcp_deny("s3:GetObject", notresource="arn:aws:s3:::bucket/public/*"))
    case(a, "rcp_notresource_denies_outside", "RCP Deny GetObject NotResource bucket/public/*; bucket/key -> explicit deny",
         R(get, OBJ), EDENY, pols(identity=idallow, rcp=[[nr]]))
    case(a, "rcp_notresource_spares_listed", "RCP Deny GetObject NotResource bucket/public/*; bucket/public/x -> allowed",
         R(get, "arn:aws:s3:::bucket/public/x"), ALLOWED, pols(identity=idallow, rcp=[[nr]]))
    case(a, "rcp_and_scp_together_deny", "SCP FullAWSAccess; RCP Deny s3:GetObject -> explicit deny",
         R(get, OBJ), EDENY, pols(identity=idallow, scp=[[FULL_AWS_ACCESS]], rcp=[[deny_get]]))
    case(a, "rcp_and_scp_together_allow", "SCP FullAWSAccess; RCP denies only DeleteBucket -> allowed",
         R(get, OBJ), ALLOWED, pols(identity=idallow, scp=[[FULL_AWS_ACCESS]], rcp=[[rcp(rcp_deny("s3:DeleteBucket"))]]))
    case(a, "rcp_condition_false_anonymous_allowed",
         "Public bucket; RCP Deny s3:* if aws:SecureTransport false; anonymous HTTPS request -> allowed",
         R(get, OBJ, ANON, ra=A, ctx={"aws:SecureTransport": "true"}), ALLOWED,
         pols(resource=public, rcp=[[rcp(rcp_deny("s3:*", condition={"Bool": {"aws:SecureTransport": "false"}}))]]))


# ===========================================================================
# evaluation: role trust policies and KMS key policies
# ===========================================================================

def gen_evaluation_trust_kms():
    a = "evaluation_trust_kms"
    dec = "kms:Decrypt"
    root_stmt = RS("Allow", "kms:*", "*", aws(ROOT_A), sid="EnableIAMUserPermissions")
    case(a, "E25_key_policy_names_other_user_identity_not_enough",
         "E25: KMS same account; alice ID-Allow kms:Decrypt; key policy names only bob -> implicit deny",
         R(dec, KEY), IDENY,
         pols(identity=P(Allow(dec, "*")), resource=P(RS("Allow", "kms:*", "*", aws(BOB_A), sid="KeyAdmin"))))
    case(a, "E25_key_policy_account_statement_enables_identity",
         "E25: KMS same account; alice ID-Allow kms:Decrypt; key policy has the account-root statement -> allowed",
         R(dec, KEY), ALLOWED, pols(identity=P(Allow(dec, "*")), resource=P(root_stmt)))
    case(a, "E26_key_policy_names_role_session_without_identity",
         "E26: key policy names role/team/Dev; no identity policy; caller session -> allowed",
         R(dec, KEY, SESS), ALLOWED, pols(resource=P(RS("Allow", dec, "*", aws(ROLE_DEV)))))
    trust_acct = P(RS("Allow", "sts:AssumeRole", None, aws(A)))
    case(a, "E27_trust_account_without_identity_allow",
         "E27: sts:AssumeRole same account; trust allows {AWS: A}; caller lacks identity allow -> implicit deny",
         R("sts:AssumeRole", ROLE_DEPLOY), IDENY, pols(resource=trust_acct))
    case(a, "E27_trust_account_with_identity_allow",
         "E27: sts:AssumeRole same account; trust allows {AWS: A}; caller has identity allow -> allowed",
         R("sts:AssumeRole", ROLE_DEPLOY), ALLOWED,
         pols(identity=P(Allow("sts:AssumeRole", ROLE_DEPLOY)), resource=trust_acct))
    trust_alice = P(RS("Allow", "sts:AssumeRole", None, aws(ALICE)))
    case(a, "E28_trust_names_user_without_identity_policy",
         "E28: trust names alice; alice has no identity policy -> allowed",
         R("sts:AssumeRole", ROLE_DEPLOY), ALLOWED, pols(resource=trust_alice))
    case(a, "E28_trust_names_user_boundary_without_assume_role",
         "E28: trust names alice; alice's boundary does not allow sts:AssumeRole -> implicit deny (D9)",
         R("sts:AssumeRole", ROLE_DEPLOY), IDENY, pols(resource=trust_alice, boundary=P(Allow("s3:*", "*"))))
    case(a, "E29_role_cannot_assume_itself_without_trust",
         "E29: session of Dev calls sts:AssumeRole on Dev; trust names only ec2.amazonaws.com; identity allows -> implicit deny",
         R("sts:AssumeRole", ROLE_DEV, SESS), IDENY,
         pols(identity=P(Allow("sts:AssumeRole", "*")),
              resource=P(RS("Allow", "sts:AssumeRole", None, svc("ec2.amazonaws.com")))))
    # extra KMS
    case(a, "kms_no_key_policy_identity_not_enough", "KMS same account; ID-Allow kms:*; no key policy supplied -> implicit deny",
         R(dec, KEY), IDENY, pols(identity=P(Allow("kms:*", "*"))))
    case(a, "kms_key_policy_names_user_without_identity", "Key policy names alice; no identity policy -> allowed",
         R(dec, KEY), ALLOWED, pols(resource=P(RS("Allow", dec, "*", aws(ALICE)))))
    case(a, "kms_key_policy_account_statement_without_identity",
         "Key policy has only the account-root statement; alice without identity policy -> implicit deny",
         R(dec, KEY), IDENY, pols(resource=P(root_stmt)))
    case(a, "kms_key_policy_deny", "Key policy: account statement + Deny kms:Decrypt for alice; ID-Allow -> explicit deny",
         R(dec, KEY), EDENY,
         pols(identity=P(Allow("kms:*", "*")), resource=P(root_stmt, RS("Deny", dec, "*", aws(ALICE)))))
    key_b = P(RS("Allow", "kms:*", "*", aws(ROOT_B), sid="EnableIAMUserPermissions"),
              RS("Allow", [dec, "kms:DescribeKey"], "*", aws(A), sid="AllowUseFromA"))
    case(a, "kms_cross_account_key_policy_and_identity", "Key in B allows account A; alice ID-Allow kms:Decrypt -> allowed",
         R(dec, KEY_B), ALLOWED, pols(identity=P(Allow(dec, KEY_B)), resource=key_b))
    case(a, "kms_cross_account_without_identity", "Key in B allows account A; alice without identity policy -> implicit deny",
         R(dec, KEY_B), IDENY, pols(resource=key_b))
    case(a, "kms_cross_account_key_policy_silent", "Key in B allows only B; alice ID-Allow -> implicit deny",
         R(dec, KEY_B), IDENY, pols(identity=P(Allow(dec, "*")), resource=P(key_b["Statement"][0])))
    case(a, "kms_root_with_account_statement", "Root of A; key policy has the account-root statement -> allowed",
         R(dec, KEY, ROOT_A), ALLOWED, pols(resource=P(root_stmt)))
    case(a, "kms_root_key_policy_names_only_user", "Root of A; key policy names only bob -> implicit deny",
         R(dec, KEY, ROOT_A), IDENY, pols(resource=P(RS("Allow", "kms:*", "*", aws(BOB_A)))))
    case(a, "kms_role_grant_capped_by_boundary", "Key policy names role/team/Dev; role boundary s3:* only; session -> implicit deny",
         R(dec, KEY, SESS), IDENY,
         pols(boundary=P(Allow("s3:*", "*")), resource=P(RS("Allow", dec, "*", aws(ROLE_DEV)))))
    case(a, "kms_session_policy_caps_role_grant", "Key policy names role/team/Dev; session policy s3:* only -> implicit deny",
         R(dec, KEY, SESS), IDENY,
         pols(session=P(Allow("s3:*", "*")), resource=P(RS("Allow", dec, "*", aws(ROLE_DEV)))))
    via = P(RS("Allow", dec, "*", aws(ALICE), condition={"StringEquals": {"kms:ViaService": "s3.us-east-1.amazonaws.com"}}))
    case(a, "kms_key_policy_via_service_condition_true", "Key policy allows alice via S3 only; kms:ViaService s3.us-east-1 -> allowed",
         R(dec, KEY, ctx={"kms:ViaService": "s3.us-east-1.amazonaws.com"}), ALLOWED, pols(resource=via))
    case(a, "kms_key_policy_via_service_condition_absent", "Key policy allows alice via S3 only; direct call (no kms:ViaService) -> implicit deny",
         R(dec, KEY), IDENY, pols(resource=via))
    # extra trust
    case(a, "trust_names_caller_role", "Session of Dev assumes Deploy whose trust names role/team/Dev; no identity policy -> allowed",
         R("sts:AssumeRole", ROLE_DEPLOY, SESS), ALLOWED, pols(resource=P(RS("Allow", "sts:AssumeRole", None, aws(ROLE_DEV)))))
    case(a, "trust_names_caller_role_boundary_blocks", "Deploy trust names role/team/Dev; Dev's boundary s3:* only -> implicit deny",
         R("sts:AssumeRole", ROLE_DEPLOY, SESS), IDENY,
         pols(boundary=P(Allow("s3:*", "*")), resource=P(RS("Allow", "sts:AssumeRole", None, aws(ROLE_DEV)))))
    case(a, "role_self_assume_with_trust_naming_role", "Session of Dev assumes Dev; trust names role/team/Dev -> allowed",
         R("sts:AssumeRole", ROLE_DEV, SESS), ALLOWED, pols(resource=P(RS("Allow", "sts:AssumeRole", None, aws(ROLE_DEV)))))
    case(a, "trust_names_user_boundary_allows_assume_role", "Trust names alice; boundary allows sts:AssumeRole -> allowed",
         R("sts:AssumeRole", ROLE_DEPLOY), ALLOWED, pols(resource=trust_alice, boundary=P(Allow("sts:AssumeRole", "*"))))
    case(a, "trust_grant_identity_deny", "Trust names alice; identity Deny sts:AssumeRole -> explicit deny",
         R("sts:AssumeRole", ROLE_DEPLOY), EDENY, pols(identity=P(Deny("sts:AssumeRole", "*")), resource=trust_alice))
    case(a, "trust_deny_statement", "Trust allows {AWS: A} but denies alice; alice ID-Allow -> explicit deny",
         R("sts:AssumeRole", ROLE_DEPLOY), EDENY,
         pols(identity=P(Allow("sts:AssumeRole", "*")),
              resource=P(RS("Allow", "sts:AssumeRole", None, aws(A)), RS("Deny", "sts:AssumeRole", None, aws(ALICE)))))
    case(a, "trust_other_user_only", "Trust names bob; alice ID-Allow sts:AssumeRole -> implicit deny",
         R("sts:AssumeRole", ROLE_DEPLOY), IDENY,
         pols(identity=P(Allow("sts:AssumeRole", "*")), resource=P(RS("Allow", "sts:AssumeRole", None, aws(BOB_A)))))
    case(a, "trust_missing_identity_policy_does_not_matter_for_session_arn",
         "Trust names the session ARN assumed-role/Dev/s1; no identity policy -> allowed",
         R("sts:AssumeRole", ROLE_DEPLOY, SESS), ALLOWED, pols(resource=P(RS("Allow", "sts:AssumeRole", None, aws(SESS)))))
    case(a, "trust_account_boundary_blocks", "Trust allows {AWS: A}; alice ID-Allow; boundary s3:* only -> implicit deny",
         R("sts:AssumeRole", ROLE_DEPLOY), IDENY,
         pols(identity=P(Allow("sts:AssumeRole", "*")), boundary=P(Allow("s3:*", "*")), resource=trust_acct))
    case(a, "trust_account_session_policy_blocks", "Trust allows {AWS: A}; Dev session ID-Allow; session policy s3:* only -> implicit deny",
         R("sts:AssumeRole", ROLE_DEPLOY, SESS), IDENY,
         pols(identity=P(Allow("sts:AssumeRole", "*")), session=P(Allow("s3:*", "*")), resource=trust_acct))
    role_a_for_b = f"arn:aws:iam::{A}:role/CrossAccountReader"
    case(a, "trust_cross_account_names_user_with_identity", "Bob (B) with ID-Allow assumes a role in A whose trust names Bob -> allowed",
         R("sts:AssumeRole", role_a_for_b, BOB_B), ALLOWED,
         pols(identity=P(Allow("sts:AssumeRole", role_a_for_b)), resource=P(RS("Allow", "sts:AssumeRole", None, aws(BOB_B)))))
    case(a, "trust_cross_account_names_user_without_identity", "Bob (B) without identity policy; trust in A names Bob -> implicit deny",
         R("sts:AssumeRole", role_a_for_b, BOB_B), IDENY,
         pols(resource=P(RS("Allow", "sts:AssumeRole", None, aws(BOB_B)))))
    ext = P(RS("Allow", "sts:AssumeRole", None, aws(B), condition={"StringEquals": {"sts:ExternalId": "Unique-7f3a"}}))
    case(a, "trust_cross_account_external_id_matches", "Trust allows account B with sts:ExternalId; Bob passes the right id -> allowed",
         R("sts:AssumeRole", role_a_for_b, BOB_B, ctx={"sts:ExternalId": "Unique-7f3a"}), ALLOWED,
         pols(identity=P(Allow("sts:AssumeRole", "*")), resource=ext))
    case(a, "trust_cross_account_external_id_wrong", "same trust; Bob passes a different external id -> implicit deny",
         R("sts:AssumeRole", role_a_for_b, BOB_B, ctx={"sts:ExternalId": "guess"}), IDENY,
         pols(identity=P(Allow("sts:AssumeRole", "*")), resource=ext))
    case(a, "trust_cross_account_external_id_missing", "same trust; no external id passed -> implicit deny",
         R("sts:AssumeRole", role_a_for_b, BOB_B), IDENY,
         pols(identity=P(Allow("sts:AssumeRole", "*")), resource=ext))
    case(a, "trust_names_other_account_only", "Trust allows only {AWS: B}; alice (A) with ID-Allow -> implicit deny",
         R("sts:AssumeRole", ROLE_DEPLOY), IDENY,
         pols(identity=P(Allow("sts:AssumeRole", "*")), resource=P(RS("Allow", "sts:AssumeRole", None, aws(B)))))
    case(a, "trust_service_principal", "Trust allows ec2.amazonaws.com; caller ec2.amazonaws.com -> allowed",
         R("sts:AssumeRole", ROLE_DEPLOY, "ec2.amazonaws.com"), ALLOWED,
         pols(resource=P(RS("Allow", "sts:AssumeRole", None, svc("ec2.amazonaws.com")))))
    case(a, "trust_service_principal_other_service", "Trust allows ec2.amazonaws.com; caller lambda.amazonaws.com -> implicit deny",
         R("sts:AssumeRole", ROLE_DEPLOY, "lambda.amazonaws.com"), IDENY,
         pols(resource=P(RS("Allow", "sts:AssumeRole", None, svc("ec2.amazonaws.com")))))
    case(a, "trust_star_with_org_condition", "Trust Principal * with aws:PrincipalOrgID condition; alice in org, no identity policy -> allowed",
         R("sts:AssumeRole", ROLE_DEPLOY, ctx={"aws:PrincipalOrgID": ORG}), ALLOWED,
         pols(resource=P(RS("Allow", "sts:AssumeRole", None, "*", condition={"StringEquals": {"aws:PrincipalOrgID": ORG}}))))


# ===========================================================================
# special cases
# ===========================================================================

def gen_special_cases():
    a = "special_cases"
    get = "s3:GetObject"
    case(a, "E30_get_caller_identity_ignores_identity_deny",
         "E30: sts:GetCallerIdentity with identity Deny sts:* -> allowed",
         R("sts:GetCallerIdentity", "*"), ALLOWED, pols(identity=P(Deny("sts:*", "*"))))
    case(a, "E31_root_own_bucket_without_policy", "E31: root of A, own bucket, no bucket policy -> allowed",
         R(get, OBJ, ROOT_A), ALLOWED, pols())
    case(a, "E31_root_own_bucket_deny_everyone", "E31: root of A, own bucket with bucket Deny Principal * -> explicit deny",
         R(get, OBJ, ROOT_A), EDENY, pols(resource=P(RS("Deny", "s3:*", f"{BUCKET}/*", "*"))))
    case(a, "E32_root_cross_account_trusted_by_account", "E32: root of A on a bucket in B that allows {AWS: A} -> allowed",
         R(get, OBJ_B, ROOT_A, ra=B), ALLOWED, pols(resource=P(RS("Allow", get, f"{BUCKET_B}/*", aws(A)))))
    case(a, "E33_resource_policy_allow_without_principal_never_matches",
         "E33: bucket policy Allow without Principal; alice without identity policy -> implicit deny",
         R(get, OBJ), IDENY, pols(resource=P(S("Allow", get, f"{BUCKET}/*"))))
    case(a, "get_caller_identity_without_any_policy", "sts:GetCallerIdentity for a user without policies -> allowed",
         R("sts:GetCallerIdentity", "*"), ALLOWED, pols())
    case(a, "get_caller_identity_ignores_scp_deny", "sts:GetCallerIdentity with SCP Deny * -> allowed",
         R("sts:GetCallerIdentity", "*"), ALLOWED, pols(scp=[[FULL_AWS_ACCESS, scp(Deny("*", "*"))]]))
    case(a, "get_caller_identity_ignores_session_policy", "sts:GetCallerIdentity from a role session whose session policy denies * -> allowed",
         R("sts:GetCallerIdentity", "*", SESS), ALLOWED, pols(session=P(Deny("*", "*"))))
    case(a, "root_own_queue_without_policy", "Root of A on its own SQS queue, no policies -> allowed",
         R("sqs:DeleteQueue", QUEUE, ROOT_A), ALLOWED, pols())
    case(a, "root_cross_account_without_resource_policy", "Root of A on a bucket in B without bucket policy -> implicit deny",
         R(get, OBJ_B, ROOT_A, ra=B), IDENY, pols())
    case(a, "root_cross_account_bucket_names_other_account", "Root of A on a bucket in B that allows only {AWS: B} -> implicit deny",
         R(get, OBJ_B, ROOT_A, ra=B), IDENY, pols(resource=P(RS("Allow", get, f"{BUCKET_B}/*", aws(B)))))
    case(a, "anonymous_without_bucket_policy", "Anonymous caller, bucket without policy -> implicit deny",
         R(get, OBJ, ANON, ra=A), IDENY, pols())
    anon_ip = P(RS("Allow", get, f"{BUCKET}/*", "*", condition={"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}))
    case(a, "anonymous_public_bucket_condition_true", "Anonymous; bucket allows * from 203.0.113.0/24; request from 203.0.113.5 -> allowed",
         R(get, OBJ, ANON, ra=A, ctx={"aws:SourceIp": "203.0.113.5"}), ALLOWED, pols(resource=anon_ip))
    case(a, "anonymous_public_bucket_condition_false", "same bucket policy; request from 198.51.100.1 -> implicit deny",
         R(get, OBJ, ANON, ra=A, ctx={"aws:SourceIp": "198.51.100.1"}), IDENY, pols(resource=anon_ip))
    case(a, "anonymous_public_bucket_with_deny", "Anonymous; bucket allows * GetObject but denies * on bucket/private/* -> explicit deny",
         R(get, "arn:aws:s3:::bucket/private/x", ANON, ra=A), EDENY,
         pols(resource=P(RS("Allow", get, f"{BUCKET}/*", "*"), RS("Deny", get, f"{BUCKET}/private/*", "*"))))
    case(a, "anonymous_bucket_names_user_only", "Anonymous; bucket allows only alice -> implicit deny",
         R(get, OBJ, ANON, ra=A), IDENY, pols(resource=P(RS("Allow", get, f"{BUCKET}/*", aws(ALICE)))))
    case(a, "service_principal_without_resource_policy", "Service principal s3.amazonaws.com publishing to a topic without policy -> implicit deny",
         R("sns:Publish", TOPIC, "s3.amazonaws.com"), IDENY, pols())
    case(a, "service_principal_resource_deny", "Topic policy allows s3.amazonaws.com but denies * -> explicit deny",
         R("sns:Publish", TOPIC, "s3.amazonaws.com"), EDENY,
         pols(resource=P(RS("Allow", "sns:Publish", TOPIC, svc("s3.amazonaws.com")), RS("Deny", "sns:Publish", TOPIC, "*"))))
    case(a, "service_principal_cross_account_resource", "cloudtrail.amazonaws.com writes to a bucket in B that allows it -> allowed",
         R("s3:PutObject", "arn:aws:s3:::trail-bucket/AWSLogs/x.json.gz", "cloudtrail.amazonaws.com", ra=B,
           ctx={"aws:SourceAccount": A}), ALLOWED,
         pols(resource=P(RS("Allow", "s3:PutObject", "arn:aws:s3:::trail-bucket/AWSLogs/*", svc("cloudtrail.amazonaws.com")))))
    case(a, "management_and_service_linked_exemptions_do_not_bypass_resource_deny",
         "Management-account caller, service-linked flag; bucket Deny * -> explicit deny",
         R(get, OBJ, f"arn:aws:sts::{A}:assumed-role/AWSServiceRoleForECS/ecs-session"), EDENY,
         pols(identity=P(Allow("s3:*", "*")), resource=P(RS("Deny", get, f"{BUCKET}/*", "*"))),
         options={"callerInManagementAccount": True, "serviceLinkedRole": True})
    case(a, "root_ignores_missing_identity_policy_same_account", "Root of A on a DynamoDB table in A, no policies -> allowed",
         R("dynamodb:DeleteTable", TABLE, ROOT_A), ALLOWED, pols())


# ===========================================================================
# grammar: structural errors ("Error") and lint-only problems (evaluate normally)
# ===========================================================================

def gen_grammar():
    a = "grammar"
    get = "s3:GetObject"
    req = R(get, OBJ)

    def err(fn, name, policies, request=None):
        case(a, fn, name, request or req, ERROR, policies)

    # --- refused inputs -----------------------------------------------------
    err("G2_identity_policy_with_principal", "G2: identity policy statement with Principal * -> refused",
        pols(identity=P(S("Allow", get, "*", principal="*"))))
    err("G3_identity_statement_without_resource", "G3: identity statement with Action but no Resource/NotResource -> refused",
        pols(identity=P(S("Allow", get))))
    err("G4_effect_lowercase_allow", "G4: Effect 'allow' (wrong case) -> refused",
        pols(identity=P({"Effect": "allow", "Action": get, "Resource": "*"})))
    err("G5_both_action_and_notaction", "G5: statement with both Action and NotAction -> refused",
        pols(identity=P(S("Allow", get, "*", notaction="s3:PutObject"))))
    err("G5_both_resource_and_notresource", "G5: statement with both Resource and NotResource -> refused",
        pols(identity=P(S("Allow", get, OBJ, notresource="arn:aws:s3:::other/*"))))
    err("G8_version_2012_10_18", "G8: Version '2012-10-18' -> refused",
        pols(identity=P(Allow(get, "*"), version="2012-10-18")))
    err("G9_wildcard_in_service_prefix", "G9: Action '*:Get*' (wildcard in the service prefix) -> refused",
        pols(identity=P(Allow("*:Get*", "*"))))
    err("G9_partial_wildcard_in_service_prefix", "G9: Action 's*:GetObject' (wildcard in the service prefix) -> refused",
        pols(identity=P(Allow("s*:GetObject", "*"))))
    err("G9_two_colons_in_action", "G9: Action 's3:Get:Object' (two colons) -> refused",
        pols(identity=P(Allow("s3:Get:Object", "*"))))
    err("G10_resource_not_arn", "G10: Resource 'my-bucket' (neither * nor an ARN) -> refused",
        pols(identity=P(Allow(get, "my-bucket"))))
    err("G10_resource_empty_string", "G10: Resource '' -> refused",
        pols(identity=P(Allow(get, ""))))
    err("G11_trust_policy_with_resource", "G11: role trust policy statement with Resource -> refused",
        pols(resource=P(RS("Allow", "sts:AssumeRole", "*", aws(A)))), R("sts:AssumeRole", ROLE_DEPLOY))
    err("G12_duplicate_effect_member", "G12: statement object with Effect twice -> refused (not last-one-wins)",
        pols(identity=P(DupObj(("Effect", "Deny"), ("Effect", "Allow"), ("Action", get), ("Resource", "*")))))
    err("G12_duplicate_resource_member", "G12: statement object with Resource twice -> refused",
        pols(identity=P(DupObj(("Effect", "Allow"), ("Action", get), ("Resource", "arn:aws:s3:::other/*"), ("Resource", "*")))))
    err("duplicate_condition_key_member", "The same condition key twice inside one operator block (duplicate JSON member) -> refused",
        pols(identity=P({"Effect": "Allow", "Action": get, "Resource": "*",
                         "Condition": {"StringEquals": DupObj(("aws:RequestedRegion", "us-east-1"),
                                                              ("aws:RequestedRegion", "eu-west-1"))}})))
    err("condition_keys_equal_after_case_folding", "Condition block with aws:username and AWS:username (same key after folding) -> refused",
        pols(identity=P({"Effect": "Allow", "Action": get, "Resource": "*",
                         "Condition": {"StringEquals": {"aws:username": "alice", "AWS:username": "alice"}}})),
        R(get, OBJ, ctx={"aws:username": "alice"}))
    err("G15_rcp_with_allow", "G15: customer RCP with Effect Allow -> refused",
        pols(identity=P(Allow("s3:*", "*")), rcp=[[P(S("Allow", "s3:*", "*", principal="*"))]]))
    err("G15_rcp_with_account_principal", "G15: customer RCP with Principal {AWS: A} -> refused",
        pols(identity=P(Allow("s3:*", "*")), rcp=[[P(S("Deny", "s3:*", "*", principal=aws(A)))]]))
    err("G16_scp_with_principal", "G16: SCP statement with Principal -> refused",
        pols(identity=P(Allow("s3:*", "*")), scp=[[FULL_AWS_ACCESS, P(S("Deny", "s3:*", "*", principal="*"))]]))
    err("unknown_statement_element", "Statement with an unknown element 'Condtion' -> refused",
        pols(identity=P({"Effect": "Allow", "Action": get, "Resource": "*",
                         "Condtion": {"Bool": {"aws:SecureTransport": "true"}}})))
    err("unknown_top_level_element", "Policy with an unknown top-level element 'Statements' -> refused",
        pols(identity={"Version": V, "Statement": [Allow(get, "*")], "Statements": []}))
    err("element_name_wrong_case", "Statement element 'effect' (lower case) -> refused",
        pols(identity=P({"effect": "Allow", "Action": get, "Resource": "*"})))
    err("statement_without_effect", "Statement without Effect -> refused",
        pols(identity=P({"Action": get, "Resource": "*"})))
    err("statement_without_action", "Statement without Action/NotAction -> refused",
        pols(identity=P({"Effect": "Allow", "Resource": "*"})))
    err("policy_without_statement", "Policy without Statement -> refused",
        pols(identity={"Version": V}))
    err("statement_is_a_string", "Statement array containing a string -> refused",
        pols(identity={"Version": V, "Statement": ["Allow s3:GetObject"]}))
    err("boundary_with_principal", "Permissions boundary statement with Principal -> refused",
        pols(identity=P(Allow("s3:*", "*")), boundary=P(S("Allow", "s3:*", "*", principal="*"))))
    err("session_policy_with_principal", "Session policy statement with Principal -> refused",
        pols(identity=P(Allow("s3:*", "*")), session=P(S("Allow", "s3:*", "*", principal="*"))), R(get, OBJ, SESS))
    err("identity_policy_with_notprincipal", "Identity policy statement with NotPrincipal -> refused",
        pols(identity=P(S("Deny", "s3:*", "*", notprincipal=aws(ALICE)), Allow("s3:*", "*"))))
    err("unknown_condition_operator", "Unknown condition operator 'StringEqualz' -> refused",
        pols(identity=P(Allow(get, "*", condition={"StringEqualz": {"aws:username": "alice"}}))),
        R(get, OBJ, ctx={"aws:username": "alice"}))
    err("null_if_exists_is_not_an_operator", "'NullIfExists' (IfExists cannot be added to Null) -> refused",
        pols(identity=P(Allow(get, "*", condition={"NullIfExists": {"aws:TokenIssueTime": "true"}}))))
    err("condition_value_null", "Condition value null -> refused",
        pols(identity=P(Allow(get, "*", condition={"StringEquals": {"aws:username": None}}))))
    err("condition_value_object", "Condition value that is an object -> refused",
        pols(identity=P(Allow(get, "*", condition={"StringEquals": {"aws:username": {"name": "alice"}}}))))
    err("rcp_version_2008", "RCP with Version 2008-10-17 -> refused (RCPs must say 2012-10-17)",
        pols(identity=P(Allow("s3:*", "*")), rcp=[[P(rcp_deny("s3:DeleteBucket"), version=V2008)]]))
    err("rcp_action_star", "Customer RCP with Action '*' -> refused (D8)",
        pols(identity=P(Allow("s3:*", "*")), rcp=[[P(S("Deny", "*", "*", principal="*",
                                                      condition={"Bool": {"aws:SecureTransport": "false"}}))]]))
    err("rcp_notaction", "Customer RCP with NotAction -> refused",
        pols(identity=P(Allow("s3:*", "*")), rcp=[[P(S("Deny", None, "*", principal="*", notaction="s3:GetObject"))]]))
    err("rcp_notprincipal", "Customer RCP with NotPrincipal -> refused",
        pols(identity=P(Allow("s3:*", "*")), rcp=[[P(S("Deny", "s3:*", "*", notprincipal=aws(A)))]]))
    err("scp_notprincipal", "SCP statement with NotPrincipal -> refused",
        pols(identity=P(Allow("s3:*", "*")), scp=[[FULL_AWS_ACCESS, P(S("Deny", "s3:*", "*", notprincipal=aws(ALICE)))]]))
    err("trust_policy_notprincipal", "Role trust policy with NotPrincipal -> refused",
        pols(identity=P(Allow("sts:AssumeRole", "*")),
             resource=P(S("Allow", "sts:AssumeRole", None, notprincipal=aws(BOB_A)))), R("sts:AssumeRole", ROLE_DEPLOY))
    err("service_principal_star", "Principal {Service: *} -> refused",
        pols(resource=P(RS("Allow", "sns:Publish", TOPIC, svc("*")))), R("sns:Publish", TOPIC, "s3.amazonaws.com"))
    err("principal_bare_string_not_star", "Principal given as a bare ARN string (only '*' may be a string) -> refused",
        pols(resource=P(RS("Allow", get, f"{BUCKET}/*", ALICE))))
    err("principal_unknown_key", "Principal object with unknown key 'IAM' -> refused",
        pols(resource=P(RS("Allow", get, f"{BUCKET}/*", {"IAM": ALICE}))))
    err("principal_and_notprincipal", "Resource-policy statement with both Principal and NotPrincipal -> refused",
        pols(resource=P(S("Deny", get, f"{BUCKET}/*", principal="*", notprincipal=aws(ALICE)))))
    err("principal_partial_wildcard_arn", "Principal with a partial wildcard ARN arn:aws:iam::A:user/* -> refused",
        pols(resource=P(RS("Allow", get, f"{BUCKET}/*", aws(f"arn:aws:iam::{A}:user/*")))))

    # --- accepted inputs (lint at most): evaluate normally --------------------
    case(a, "G1_single_statement_object", "G1: Statement as a single object -> valid, same as a one-element array",
         req, ALLOWED, pols(identity={"Version": V, "Statement": Allow(get, OBJ)}))
    case(a, "G1_single_statement_object_deny", "G1: single-object Deny statement in a second policy -> explicit deny",
         req, EDENY, pols(identity=[P(Allow("s3:*", "*")), {"Version": V, "Statement": Deny(get, "*")}]))
    case(a, "G6_duplicate_sid_evaluates", "G6: two statements with Sid S1 (lint only) -> evaluates normally",
         req, ALLOWED, pols(identity=P(Allow(get, OBJ, sid="S1"), Allow("s3:PutObject", OBJ, sid="S1"))))
    case(a, "G7_non_alphanumeric_sid_evaluates", "G7: Sid 'read-only' (lint only) -> evaluates normally",
         req, ALLOWED, pols(identity=P(Allow(get, OBJ, sid="read-only"))))
    case(a, "G8_version_absent_is_valid", "G8: Version absent -> valid (2008 semantics)",
         req, ALLOWED, pols(identity=P(Allow(get, OBJ), version=None)))
    case(a, "G8_version_2008_is_valid", "G8: Version 2008-10-17 -> valid",
         req, ALLOWED, pols(identity=P(Allow(get, OBJ), version=V2008)))
    big = [f"arn:aws:s3:::archive-bucket-{i:04d}/*" for i in range(260)] + ["arn:aws:s3:::bucket/*"]
    case(a, "G13_oversized_managed_policy_evaluates", "G13: identity policy far over 6,144 characters (size is lint only) -> evaluates normally",
         req, ALLOWED, pols(identity=P(Allow([get, "s3:GetObjectVersion"], big))))
    inline = [P(Allow("s3:List*", [f"arn:aws:s3:::inline-{p}-{i:03d}" for i in range(30)])) for p in range(3)]
    inline.append(P(Allow(get, "arn:aws:s3:::bucket/*")))
    case(a, "G14_inline_policies_over_aggregate_quota_evaluate", "G14: identity policies totalling over 2,048 characters (size is lint only) -> evaluates normally",
         req, ALLOWED, pols(identity=inline))
    case(a, "G17_non_latin1_condition_value_evaluates", "G17: condition value with U+2603 (lint only) -> evaluates normally",
         R("s3:PutObject", OBJ, ctx={"aws:RequestTag/icon": "\u2603"}), ALLOWED,
         pols(identity=P(Allow("s3:PutObject", OBJ, condition={"StringEquals": {"aws:RequestTag/icon": "\u2603"}}))))
    case(a, "G18_empty_action_name_never_matches", "G18: Action 's3:' is accepted but never matches",
         req, IDENY, pols(identity=P(Allow("s3:", "*"))))
    case(a, "G18_trailing_space_action_never_matches", "G18: Action 's3:GetObject ' (trailing space) is accepted but never matches",
         req, IDENY, pols(identity=P(Allow("s3:GetObject ", "*"))))
    case(a, "G18_trailing_space_deny_never_applies", "G18: Deny 's3:GetObject ' (trailing space) never matches; Allow s3:* -> allowed",
         req, ALLOWED, pols(identity=P(Allow("s3:*", "*"), Deny("s3:GetObject ", "*"))))
    case(a, "G18_comma_in_action_never_matches", "G18: Action 's3:GetObject,PutObject' is one literal string -> never matches",
         req, IDENY, pols(identity=P(Allow("s3:GetObject,PutObject", "*"))))
    case(a, "G18_leading_space_action_never_matches", "G18: Action ' s3:GetObject' (leading space) never matches",
         req, IDENY, pols(identity=P(Allow(" s3:GetObject", "*"))))
    case(a, "id_element_in_identity_policy_evaluates", "Id element in an identity policy (warn only, D14) -> evaluates normally",
         req, ALLOWED, pols(identity={"Version": V, "Id": "ReadOnlyPolicy", "Statement": [Allow(get, OBJ)]}))
    case(a, "empty_statement_array_grants_nothing", "Statement [] is valid and grants nothing -> implicit deny",
         req, IDENY, pols(identity={"Version": V, "Statement": []}))
    case(a, "empty_condition_block_is_true", "Condition {} is true -> allowed",
         req, ALLOWED, pols(identity=P(Allow(get, OBJ, condition={}))))
    case(a, "member_order_is_irrelevant", "Statement before Version and Resource before Effect -> valid",
         req, ALLOWED,
         pols(identity={"Statement": [{"Resource": OBJ, "Action": get, "Effect": "Allow"}], "Version": V}))
    case(a, "string_and_array_forms_equivalent", "Action and Resource as one-element arrays -> same as strings",
         req, ALLOWED, pols(identity=P(Allow([get], [OBJ]))))
    case(a, "resource_policy_with_id_and_sids", "Bucket policy with Id and Sids -> valid",
         req, ALLOWED,
         pols(resource={"Version": V, "Id": "BucketPolicy", "Statement": [RS("Allow", get, f"{BUCKET}/*", aws(ALICE), sid="AllowAlice")]}))
    case(a, "wildcard_in_service_segment_of_resource_accepted", "Resource arn:aws:s*:::bucket/key (wildcard in service segment, lint only, D21) -> glob-matches",
         req, ALLOWED, pols(identity=P(Allow(get, "arn:aws:s*:::bucket/key"))))
    case(a, "unquoted_number_and_boolean_condition_values", "Condition values as JSON number and boolean -> accepted",
         R("s3:ListBucket", BUCKET, ctx={"s3:max-keys": "5", "aws:SecureTransport": "true"}), ALLOWED,
         pols(identity=P(Allow("s3:ListBucket", BUCKET, condition={"NumericLessThanEquals": {"s3:max-keys": 10},
                                                                    "Bool": {"aws:SecureTransport": True}}))))


# ===========================================================================
# Structural self-checks (catch typos in the generator, not engine semantics)
# ===========================================================================


_OPS = ("StringEquals|StringNotEquals|StringEqualsIgnoreCase|StringNotEqualsIgnoreCase|StringLike|"
        "StringNotLike|NumericEquals|NumericNotEquals|NumericLessThan|NumericLessThanEquals|"
        "NumericGreaterThan|NumericGreaterThanEquals|DateEquals|DateNotEquals|DateLessThan|"
        "DateLessThanEquals|DateGreaterThan|DateGreaterThanEquals|Bool|BinaryEquals|IpAddress|"
        "NotIpAddress|ArnEquals|ArnLike|ArnNotEquals|ArnNotLike")
OP_RE = re.compile(rf"^(ForAllValues:|ForAnyValue:)?(?:({_OPS})(IfExists)?|Null)$")
STMT_KEYS = {"Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
             "Resource", "NotResource", "Condition"}
# cases that deliberately contain dead-but-accepted constructs
DEAD_ACTION_OK = {"G18_empty_action_name_never_matches", "G18_trailing_space_action_never_matches",
                  "G18_trailing_space_deny_never_applies", "G18_comma_in_action_never_matches",
                  "G18_leading_space_action_never_matches"}
NO_PRINCIPAL_OK = {"E33_resource_policy_allow_without_principal_never_matches",
                   "bucket_deny_without_principal_never_applies"}


def _stmts(pol):
    st = pol["Statement"]
    return st if isinstance(st, list) else [st]


def _check_policy(fname, kind, pol, request):
    errs = []
    if set(pol) - {"Version", "Id", "Statement"}:
        errs.append(f"{kind}: unknown top-level {set(pol)}")
    if "Version" in pol and pol["Version"] not in (V, V2008):
        errs.append(f"{kind}: bad Version")
    if kind == "rcp" and pol.get("Version") != V:
        errs.append("rcp: Version must be 2012-10-17")
    for st in _stmts(pol):
        if not isinstance(st, dict):
            errs.append(f"{kind}: statement not an object")
            continue
        if set(st) - STMT_KEYS:
            errs.append(f"{kind}: unknown statement keys {set(st) - STMT_KEYS}")
        if st.get("Effect") not in ("Allow", "Deny"):
            errs.append(f"{kind}: Effect")
        if ("Action" in st) == ("NotAction" in st):
            errs.append(f"{kind}: Action xor NotAction")
        if "Resource" in st and "NotResource" in st:
            errs.append(f"{kind}: Resource and NotResource")
        has_p = "Principal" in st or "NotPrincipal" in st
        if kind in ("identity", "permissionBoundary", "session", "scp"):
            if has_p:
                errs.append(f"{kind}: Principal not allowed")
            if kind != "scp" and "Resource" not in st and "NotResource" not in st:
                errs.append(f"{kind}: Resource required")
        if kind == "resource":
            if not has_p and fname not in NO_PRINCIPAL_OK:
                errs.append("resource: Principal missing")
            if request["action"].startswith("sts:AssumeRole") and ("Resource" in st or "NotResource" in st):
                errs.append("trust policy: Resource not allowed")
        if kind == "rcp":
            if st.get("Effect") != "Deny" or st.get("Principal") != "*" or "NotAction" in st \
                    or st.get("Action") == "*":
                errs.append("rcp: must be Deny, Principal *, no NotAction, no Action *")
        acts = st.get("Action", st.get("NotAction", []))
        for act in acts if isinstance(acts, list) else [acts]:
            if act != "*" and not re.fullmatch(r"[A-Za-z0-9-]+:[A-Za-z0-9*?]+", act) \
                    and fname not in DEAD_ACTION_OK:
                errs.append(f"{kind}: odd action {act!r}")
        for opname, block in (st.get("Condition") or {}).items():
            if not OP_RE.match(opname):
                errs.append(f"{kind}: operator {opname}")
            if opname.startswith("Null") and "IfExists" in opname:
                errs.append("NullIfExists")
    return errs


def validate():
    problems = []
    seen = set()
    for area, fname, d in CASES:
        key = (area, fname)
        if key in seen:
            problems.append(f"duplicate file {key}")
        seen.add(key)
        if not re.fullmatch(r"[A-Za-z0-9_]+", fname):
            problems.append(f"bad file name {fname}")
        if d["expect"] == ERROR:
            continue
        req = d["request"]
        p = d["policies"]
        for kind in ("identity",):
            for pol in p.get(kind, []):
                problems += [f"{area}/{fname}: {e}" for e in _check_policy(fname, kind, pol, req)]
        for kind in ("resource", "permissionBoundary", "session"):
            if kind in p:
                problems += [f"{area}/{fname}: {e}" for e in _check_policy(fname, kind, p[kind], req)]
        for kind in ("scp", "rcp"):
            for level in p.get(kind, []):
                for pol in level:
                    problems += [f"{area}/{fname}: {e}" for e in _check_policy(fname, kind, pol, req)]
        if req["principal"] in (ANON,) or req["principal"].endswith(".amazonaws.com"):
            if "identity" in p or "session" in p or "permissionBoundary" in p:
                problems.append(f"{area}/{fname}: identity-side policy for a non-IAM caller")
        if req["principal"].endswith(":root") and ("identity" in p or "permissionBoundary" in p):
            problems.append(f"{area}/{fname}: identity policy for root")
    # section 7 coverage
    want = ([f"G{i}" for i in range(1, 19) if i not in (13, 14)] + [f"M{i}" for i in range(1, 16)]
            + [f"P{i}" for i in range(1, 12)] + [f"C{i}" for i in range(1, 28)] + [f"E{i}" for i in range(1, 36)])
    have = {fname.split("_")[0] for _, fname, _ in CASES}
    missing = [w for w in want if w not in have]
    if missing:
        problems.append(f"section 7 rows without a case: {missing}")
    return problems


def build():
    for fn in (gen_actions, gen_resources, gen_principals, gen_conditions_string,
               gen_conditions_numeric, gen_conditions_date, gen_conditions_bool_binary,
               gen_conditions_ip, gen_conditions_arn, gen_conditions_null_ifexists,
               gen_conditions_sets, gen_ifexists_matrix, gen_set_qualifiers_all_families, gen_variables, gen_evaluation_identity,
               gen_evaluation_resource_same_account, gen_evaluation_cross_account,
               gen_evaluation_boundary, gen_evaluation_session, gen_evaluation_scp,
               gen_evaluation_rcp, gen_evaluation_trust_kms, gen_special_cases, gen_grammar):
        fn()


def main(argv):
    build()
    problems = validate()
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    check = "--check" in argv
    stale = []
    counts = {}
    expected_paths = set()
    for area, fname, d in CASES:
        path = os.path.join(HERE, area, fname + ".json")
        expected_paths.add(path)
        text = dump(d) + "\n"
        counts[area] = counts.get(area, 0) + 1
        if check:
            try:
                with open(path, encoding="utf-8") as f:
                    if f.read() != text:
                        stale.append(path)
            except FileNotFoundError:
                stale.append(path)
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    # files in area directories that the generator no longer produces
    for area in AREAS:
        adir = os.path.join(HERE, area)
        if os.path.isdir(adir):
            for n in os.listdir(adir):
                p = os.path.join(adir, n)
                if n.endswith(".json") and p not in expected_paths:
                    stale.append(p + " (orphan)")
    for area in AREAS:
        print(f"{area:36s} {counts.get(area, 0):4d}")
    print(f"{'total':36s} {len(CASES):4d}")
    if stale:
        print("stale/orphan files:\n  " + "\n  ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
