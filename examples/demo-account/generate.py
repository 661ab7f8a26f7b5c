#!/usr/bin/env python3
"""Writes the synthetic "Example Corp" account snapshot next to this script.

The snapshot has the layout of docs/snapshot.md (what `iamwarden collect` writes) and mixes good
and bad IAM practice on purpose; README.md lists what should fail. Everything is derived from the
tables below: no randomness, no clock (dates are relative to COLLECTED_AT), so running it again
gives byte-identical files.

    python3 examples/demo-account/generate.py            # rewrite the files
    python3 examples/demo-account/generate.py --check    # exit 1 if a file on disk differs
"""
import argparse
import datetime as dt
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ACCOUNT = "111122223333"
PARTNER = "444455556666"  # partner account trusted without an ExternalId
VENDOR = "777788889999"  # monitoring vendor trusted with an ExternalId
MANAGEMENT = "999988887777"  # the organization's management account
COLLECTED_AT = dt.datetime(2026, 11, 20, 9, 0, 0, tzinfo=dt.timezone.utc)
REGIONS = ["eu-west-1", "us-east-1"]
HOME_REGION = "us-east-1"
SAML_PROVIDER = f"arn:aws:iam::{ACCOUNT}:saml-provider/ExampleCorpOkta"
OIDC_PROVIDER = f"arn:aws:iam::{ACCOUNT}:oidc-provider/token.actions.githubusercontent.com"
ORG_ID = "o-exmpl7k2q9"
ORG_ROOT = "r-7k2q"
ORG_OU = "ou-7k2q-prod4x8m"
SCP_GUARDRAILS = "p-guard9x4t2w"
V = "2012-10-17"


# ----------------------------------------------------------------------------- helpers

def _digest(seed):
    return hashlib.sha256(seed.encode()).digest()


def unique_id(prefix, seed):
    """An IAM unique id: prefix + 17 base32 characters, derived from the seed."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    return prefix + "".join(alphabet[b % 32] for b in _digest(seed)[:17])


def ago(days, seed, fraction=False):
    """COLLECTED_AT minus `days` days and a seed-derived part of a day (whole days stay exact)."""
    d = _digest(seed)
    seconds = int.from_bytes(d[:4], "big") % (20 * 3600)  # under 20 h: the age in whole days is `days`
    t = COLLECTED_AT - dt.timedelta(days=days, seconds=seconds + 60)
    if fraction:
        t = t.replace(microsecond=(d[4] * 3917) % 1000 * 1000)
    return t


def iso(t):
    """The AWS CLI v2 rendering: 2026-11-19T08:12:44+00:00 (with .ffffff when there is a fraction)."""
    return t.isoformat()


def doc(*statements):
    return {"Version": V, "Statement": list(statements)}


def allow(action, resource="*", sid=None, condition=None, not_action=False):
    s = {}
    if sid:
        s["Sid"] = sid
    s["Effect"] = "Allow"
    s["NotAction" if not_action else "Action"] = action
    s["Resource"] = resource
    if condition:
        s["Condition"] = condition
    return s


def deny(action, resource="*", sid=None, not_action=False):
    s = {}
    if sid:
        s["Sid"] = sid
    s["Effect"] = "Deny"
    s["NotAction" if not_action else "Action"] = action
    s["Resource"] = resource
    return s


def aws_policy(name):
    """Reference to an AWS-managed policy: name may include a path ("service-role/AWS_ConfigRole")."""
    return {"PolicyName": name.rsplit("/", 1)[-1], "PolicyArn": f"arn:aws:iam::aws:policy/{name}"}


def local_policy(name):
    return {"PolicyName": name, "PolicyArn": f"arn:aws:iam::{ACCOUNT}:policy/{name}"}


def arn(kind, name, path="/"):
    return f"arn:aws:iam::{ACCOUNT}:{kind}{path}{name}"


# ----------------------------------------------------------------------------- customer-managed policies
# name -> (age in days, description or None, [documents, oldest first; the last is the default version])
S3 = "arn:aws:s3:::"
APP_KEY = f"arn:aws:kms:us-east-1:{ACCOUNT}:key/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
POLICIES = {
    # --- bad practice -------------------------------------------------------------------------
    "LegacyFullAdmin": (1400, "Reporting service account permissions (temporary, 2023)", [
        doc(allow("*", sid="LegacyReportingAdmin"))]),
    "OldAdminAccess": (1100, "Former administrator policy, replaced by AdminRequireMFA", [
        doc(allow("*"))]),
    "AdminRequireMFA": (900, "Administrators: everything, but only with an MFA-authenticated session", [
        doc(allow("*", sid="AllowEverythingWithMFA",
                  condition={"Bool": {"aws:MultiFactorAuthPresent": "true"}}))]),
    "KmsFullAccess": (500, None, [doc(allow("kms:*"))]),
    "CIDeployPolicy": (700, "CI pipeline: push images and roll out ECS services", [
        doc(allow(["ecr:BatchCheckLayerAvailability", "ecr:CompleteLayerUpload", "ecr:InitiateLayerUpload",
                   "ecr:PutImage", "ecr:UploadLayerPart"],
                  f"arn:aws:ecr:us-east-1:{ACCOUNT}:repository/orders-*", sid="PushImages"),
            allow("ecr:GetAuthorizationToken", sid="EcrLogin")),
        doc(allow(["ecr:BatchCheckLayerAvailability", "ecr:CompleteLayerUpload", "ecr:InitiateLayerUpload",
                   "ecr:PutImage", "ecr:UploadLayerPart"],
                  f"arn:aws:ecr:us-east-1:{ACCOUNT}:repository/orders-*", sid="PushImages"),
            allow("ecr:GetAuthorizationToken", sid="EcrLogin"),
            allow(["ecs:DescribeServices", "ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition",
                   "ecs:UpdateService"], sid="DeployServices")),
        doc(allow(["ecr:BatchCheckLayerAvailability", "ecr:CompleteLayerUpload", "ecr:InitiateLayerUpload",
                   "ecr:PutImage", "ecr:UploadLayerPart"],
                  f"arn:aws:ecr:us-east-1:{ACCOUNT}:repository/orders-*", sid="PushImages"),
            allow("ecr:GetAuthorizationToken", sid="EcrLogin"),
            allow(["ecs:DescribeServices", "ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition",
                   "ecs:UpdateService"], sid="DeployServices"),
            allow("iam:PassRole", sid="PassTaskRoles"))]),
    "AssumeAnyRole": (400, "Lets the deploy pipeline assume the deployment roles", [
        doc(allow("sts:AssumeRole", sid="AssumeDeployRoles"))]),
    "PolicyVersionManager": (350, "Developers maintain the application policies", [
        doc(allow(["iam:CreatePolicyVersion", "iam:DeletePolicyVersion", "iam:GetPolicy", "iam:GetPolicyVersion",
                   "iam:ListPolicyVersions"], sid="ManagePolicyVersions"))]),
    "MarketplaceSubscriber": (600, None, [
        doc(allow(["aws-marketplace:Subscribe", "aws-marketplace:Unsubscribe",
                   "aws-marketplace:ViewSubscriptions"]))]),
    "NotActionPowerUser": (800, "Everything except identity and organization management", [
        doc(allow(["iam:*", "organizations:*", "account:*"], sid="EverythingButIdentity", not_action=True),
            allow(["iam:Get*", "iam:List*", "organizations:Describe*", "organizations:List*"],
                  sid="ReadIdentity"))]),
    "S3ReadOnlyViaDeny": (5, "Analytics sandbox: allow-all narrowed by a Deny to S3 reads", [
        doc(allow("*", sid="AllowAll"),
            deny(["s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation"], sid="DenyAllButS3Read",
                 not_action=True))]),
    # --- ordinary, least-privilege ------------------------------------------------------------
    "OrdersTableReadWrite": (820, None, [
        doc(allow(["dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem",
                   "dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query",
                   "dynamodb:Scan", "dynamodb:UpdateItem"],
                  [f"arn:aws:dynamodb:us-east-1:{ACCOUNT}:table/orders",
                   f"arn:aws:dynamodb:us-east-1:{ACCOUNT}:table/orders/index/*"], sid="OrdersTable"))]),
    "OrdersBucketRead": (820, None, [
        doc(allow("s3:ListBucket", S3 + "examplecorp-orders", sid="ListOrdersBucket"),
            allow(["s3:GetObject", "s3:GetObjectVersion"], S3 + "examplecorp-orders/*", sid="ReadOrders"))]),
    "AppLogsRead": (760, None, [
        doc(allow("logs:DescribeLogGroups", sid="ListGroups"),
            allow(["logs:DescribeLogStreams", "logs:FilterLogEvents", "logs:GetLogEvents"],
                  [f"arn:aws:logs:*:{ACCOUNT}:log-group:/app/*", f"arn:aws:logs:*:{ACCOUNT}:log-group:/app/*:*"],
                  sid="ReadAppLogs"))]),
    "AppLogsWrite": (760, None, [
        doc(allow(["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
                  [f"arn:aws:logs:us-east-1:{ACCOUNT}:log-group:/app/*",
                   f"arn:aws:logs:us-east-1:{ACCOUNT}:log-group:/app/*:*"]))]),
    "EC2DescribeOnly": (900, None, [doc(allow("ec2:Describe*"))]),
    "ECRPullApp": (700, None, [
        doc(allow("ecr:GetAuthorizationToken", sid="EcrLogin"),
            allow(["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
                  f"arn:aws:ecr:us-east-1:{ACCOUNT}:repository/orders-*", sid="PullOrdersImages"))]),
    "ParameterStoreAppRead": (650, None, [
        doc(allow(["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"],
                  f"arn:aws:ssm:us-east-1:{ACCOUNT}:parameter/app/orders/*", sid="ReadOrdersParameters"),
            allow("kms:Decrypt", APP_KEY, sid="DecryptViaSsm",
                  condition={"StringEquals": {"kms:ViaService": "ssm.us-east-1.amazonaws.com"}}))]),
    "ImagesBucketReadWrite": (610, None, [
        doc(allow("s3:ListBucket", S3 + "examplecorp-images"),
            allow(["s3:GetObject", "s3:PutObject"], S3 + "examplecorp-images/*"))]),
    "OrdersQueueConsume": (640, None, [
        doc(allow(["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
                   "sqs:ReceiveMessage"], f"arn:aws:sqs:us-east-1:{ACCOUNT}:orders-queue"))]),
    "NotificationsTopicPublish": (640, None, [
        doc(allow("sns:Publish", f"arn:aws:sns:us-east-1:{ACCOUNT}:order-notifications"))]),
    "AppSecretsRead": (980, "Application secrets (v1 was secretsmanager:* and is kept only as history)", [
        doc(allow("secretsmanager:*")),
        doc(allow(["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"],
                  f"arn:aws:secretsmanager:us-east-1:{ACCOUNT}:secret:app/orders/*", sid="ReadOrdersSecrets"))]),
    "DataLakeAthenaQuery": (450, None, [
        doc(allow(["athena:GetQueryExecution", "athena:GetQueryResults", "athena:GetWorkGroup",
                   "athena:StartQueryExecution", "athena:StopQueryExecution"],
                  f"arn:aws:athena:us-east-1:{ACCOUNT}:workgroup/analytics", sid="AnalyticsWorkgroup"),
            allow(["glue:GetDatabase", "glue:GetDatabases", "glue:GetPartitions", "glue:GetTable", "glue:GetTables"],
                  [f"arn:aws:glue:us-east-1:{ACCOUNT}:catalog", f"arn:aws:glue:us-east-1:{ACCOUNT}:database/datalake",
                   f"arn:aws:glue:us-east-1:{ACCOUNT}:table/datalake/*"], sid="ReadCatalog"),
            allow(["s3:GetObject", "s3:ListBucket"],
                  [S3 + "examplecorp-datalake", S3 + "examplecorp-datalake/*"], sid="ReadDataLake"),
            allow(["s3:GetBucketLocation", "s3:GetObject", "s3:ListBucket", "s3:PutObject"],
                  [S3 + "examplecorp-athena-results", S3 + "examplecorp-athena-results/*"], sid="QueryResults"))]),
    "GlueEtlJobRun": (430, None, [
        doc(allow(["glue:BatchStopJobRun", "glue:GetJob", "glue:GetJobRun", "glue:GetJobRuns", "glue:StartJobRun"],
                  f"arn:aws:glue:us-east-1:{ACCOUNT}:job/nightly-*"))]),
    "GlueNightlyEtlAccess": (600, None, [
        doc(allow("s3:ListBucket", S3 + "examplecorp-datalake", sid="ListLake"),
            allow(["s3:DeleteObject", "s3:GetObject", "s3:PutObject"], S3 + "examplecorp-datalake/*", sid="WriteLake"),
            allow(["glue:BatchCreatePartition", "glue:GetTable", "glue:UpdateTable"],
                  [f"arn:aws:glue:us-east-1:{ACCOUNT}:catalog", f"arn:aws:glue:us-east-1:{ACCOUNT}:database/datalake",
                   f"arn:aws:glue:us-east-1:{ACCOUNT}:table/datalake/*"], sid="UpdateCatalog"))]),
    "CostExplorerRead": (700, None, [
        doc(allow(["ce:GetCostAndUsage", "ce:GetCostForecast", "ce:GetDimensionValues",
                   "ce:GetReservationUtilization"]))]),
    "BudgetsView": (700, None, [
        doc(allow(["budgets:DescribeBudgetActionsForBudget", "budgets:ViewBudget"],
                  f"arn:aws:budgets::{ACCOUNT}:budget/*"))]),
    "GuardDutyFindingsRead": (520, None, [
        doc(allow(["guardduty:GetDetector", "guardduty:GetFindings", "guardduty:ListDetectors",
                   "guardduty:ListFindings"]))]),
    "SecurityHubFindingsRead": (520, None, [
        doc(allow(["securityhub:DescribeHub", "securityhub:DescribeStandardsControls",
                   "securityhub:GetEnabledStandards", "securityhub:GetFindings"]))]),
    "OrderWorkflowInvokeLambda": (380, None, [
        doc(allow("lambda:InvokeFunction", [f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:orders-*",
                                            f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:orders-*:*"]))]),
    "StartOrderWorkflow": (380, None, [
        doc(allow("states:StartExecution", f"arn:aws:states:us-east-1:{ACCOUNT}:stateMachine:order-workflow"))]),
    "KmsAppKeyUse": (650, None, [
        doc(allow(["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"], APP_KEY))]),
    "BackupBucketWrite": (560, None, [
        doc(allow("s3:ListBucket", S3 + "examplecorp-backups"),
            allow(["s3:AbortMultipartUpload", "s3:PutObject"], S3 + "examplecorp-backups/*"))]),
    "MonitoringReadOnly": (300, None, [
        doc(allow(["cloudwatch:DescribeAlarms", "cloudwatch:GetMetricData", "cloudwatch:GetMetricStatistics",
                   "cloudwatch:ListMetrics", "logs:DescribeLogGroups"]))]),
    "DmsMigrationAccess": (300, None, [
        doc(allow(["dms:DescribeReplicationTasks", "dms:StartReplicationTask", "dms:StopReplicationTask"],
                  f"arn:aws:dms:us-east-1:{ACCOUNT}:task:*"),
            allow(["s3:GetObject", "s3:PutObject"], S3 + "examplecorp-migration/*"))]),
    "DeployArtifactsBoundary": (400, "Permissions boundary for the GitHub Actions deploy role", [
        doc(allow(["s3:GetObject", "s3:ListBucket", "s3:PutObject"],
                  [S3 + "examplecorp-artifacts", S3 + "examplecorp-artifacts/*"], sid="Artifacts"),
            allow(["sts:AssumeRole", "sts:TagSession"], "arn:aws:iam::*:role/examplecorp-deploy",
                  sid="AssumeDeployRoleOnly"))]),
    "ArtifactsBucketWrite": (400, None, [
        doc(allow("s3:ListBucket", S3 + "examplecorp-artifacts"),
            allow(["s3:GetObject", "s3:PutObject"], S3 + "examplecorp-artifacts/*"))]),
    "EcsTaskRolePass": (690, "Pass only the ECS task execution role, only to ECS tasks", [
        doc(allow("iam:PassRole", arn("role", "ecs-task-execution-role"), sid="PassTaskExecutionRole",
                  condition={"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}))]),
    "RdsDescribeOnly": (880, None, [doc(allow(["rds:Describe*", "rds:ListTagsForResource"]))]),
    "SelfServiceCredentials": (1200, "Every person manages their own password and virtual MFA", [
        doc(allow(["iam:ChangePassword", "iam:GetLoginProfile", "iam:GetUser", "iam:ListAccessKeys",
                   "iam:ListMFADevices"], f"arn:aws:iam::{ACCOUNT}:user/${{aws:username}}", sid="ViewOwnUser"),
            allow(["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ResyncMFADevice"],
                  [f"arn:aws:iam::{ACCOUNT}:mfa/${{aws:username}}", f"arn:aws:iam::{ACCOUNT}:user/${{aws:username}}"],
                  sid="ManageOwnVirtualMFA"),
            allow(["iam:GetAccountPasswordPolicy", "iam:ListVirtualMFADevices"], sid="ReadAccountSettings"))]),
    "CloudFormationStacksRead": (500, None, [
        doc(allow(["cloudformation:DescribeStackEvents", "cloudformation:DescribeStackResources",
                   "cloudformation:DescribeStacks", "cloudformation:GetTemplate", "cloudformation:ListStacks"]))]),
}
BOUNDARY_POLICIES = {"DeployArtifactsBoundary"}

# ----------------------------------------------------------------------------- groups
# name -> (age, [attached], [(inline name, document)])
GROUPS = {
    "Admins": (1300, [local_policy("AdminRequireMFA")], []),
    "BackupOperators": (560, [local_policy("BackupBucketWrite")], []),
    "Billing": (1000, [aws_policy("job-function/Billing"), local_policy("MarketplaceSubscriber"),
                       local_policy("CostExplorerRead"), local_policy("BudgetsView"),
                       local_policy("SelfServiceCredentials")], []),
    "CIDeployers": (700, [local_policy("CIDeployPolicy"), local_policy("EcsTaskRolePass")], []),
    "Contractors": (400, [aws_policy("AmazonS3ReadOnlyAccess")], []),  # no members
    "DataEngineers": (450, [local_policy("DataLakeAthenaQuery"), local_policy("GlueEtlJobRun"),
                            local_policy("KmsFullAccess"), local_policy("SelfServiceCredentials")], []),
    "Developers": (1250, [local_policy("OrdersTableReadWrite"), local_policy("OrdersBucketRead"),
                          local_policy("AppLogsRead"), local_policy("EC2DescribeOnly"), local_policy("ECRPullApp"),
                          local_policy("ParameterStoreAppRead"), local_policy("RdsDescribeOnly"),
                          local_policy("PolicyVersionManager"), aws_policy("AWSCloudShellFullAccess")],
                   [("deny-prod-table-deletes",
                     doc(deny(["dynamodb:DeleteBackup", "dynamodb:DeleteTable"],
                              f"arn:aws:dynamodb:*:{ACCOUNT}:table/*", sid="NoTableDeletes")))]),
    "ReadOnly": (1250, [aws_policy("ReadOnlyAccess"), local_policy("SelfServiceCredentials")], []),
    "SecurityAuditors": (520, [aws_policy("SecurityAudit"), local_policy("GuardDutyFindingsRead"),
                               local_policy("SecurityHubFindingsRead"), local_policy("SelfServiceCredentials")], []),
    "Support": (1000, [aws_policy("AWSSupportAccess")], []),
}

# ----------------------------------------------------------------------------- users
# A key is (active, age in days, days since last use or None = never used, region, service).
# password: None = no console password; else (days since last use or None = never, days since changed).
USERS = [
    dict(name="alice.nguyen", age=1500, groups=["Admins"], password=(1, 120), mfa="virtual",
         tags={"team": "platform"}),
    dict(name="bob.martinez", age=1400, groups=["Admins", "Support"], password=(3, 200), mfa="hardware",
         keys=[(True, 30, 1, "us-east-1", "sts")], tags={"team": "platform"}),
    dict(name="carol.smith", age=800, groups=["Developers"], password=(2, 300), mfa=None,
         keys=[(True, 200, 1, "eu-west-1", "s3")], tags={"team": "orders"}),
    dict(name="dave.johnson", age=700, groups=["Developers"], password=(1, 150), mfa="virtual",
         keys=[(True, 70, 2, "us-east-1", "dynamodb"), (True, 15, 1, "us-east-1", "ecr")], tags={"team": "orders"}),
    dict(name="erin.lee", age=60, groups=["Developers"], password=(4, 60), mfa="virtual",
         keys=[(True, 60, None, None, None)], setup_key=True, tags={"team": "orders"}),
    dict(name="frank.garcia", age=650, groups=["Developers"], password=(100, 400), mfa=None,
         tags={"team": "orders"}),
    dict(name="grace.kim", age=900, groups=["ReadOnly"], password=(6, 250), mfa="virtual",
         keys=[(True, 150, 100, "us-east-1", "ec2")], tags={"team": "finance-analytics"}),
    dict(name="heidi.clark", age=10, groups=["Billing"], password=(None, 10), mfa=None,
         tags={"team": "finance"}),
    dict(name="ivan.petrov", age=520, groups=["SecurityAuditors"], password=(8, 90), mfa="virtual",
         tags={"team": "security"}),
    dict(name="judy.wong", age=450, groups=["DataEngineers"], password=(2, 80), mfa="virtual",
         keys=[(True, 40, 2, "us-east-1", "athena")], tags={"team": "data"}),
    dict(name="mallory.contractor", path="/contractors/", age=200, groups=[], password=(5, 200), mfa=None,
         attached=[aws_policy("AmazonS3ReadOnlyAccess")],
         inline=[("contractor-orders-export",
                  doc(allow("s3:GetObject", S3 + "examplecorp-orders/exports/*", sid="ReadExports")))],
         unassigned_mfa=True, tags={"company": "Contoso Consulting", "expires": "2027-03-31"}),
    dict(name="oscar.reyes", age=1100, groups=["Admins"], password=(12, 30), mfa="virtual",
         attached=[aws_policy("AdministratorAccess")],
         inline=[("emergency-admin", doc(allow("*")))], tags={"team": "platform"}),
    dict(name="peggy.brown", age=980, groups=["Billing"], password=(20, 70), mfa="virtual",
         tags={"team": "finance"}),
    dict(name="trent.walker", age=1000, groups=["SecurityAuditors", "ReadOnly"], password=(7, 45),
         mfa="virtual", keys=[(False, 400, 380, "us-east-1", "iam")], tags={"team": "security"}),
    dict(name="victor.santos", age=1200, groups=["Admins"], password=(1, 20), mfa="virtual",
         keys=[(True, 10, 0, "us-east-1", "cloudformation"), (False, 300, 200, "eu-west-1", "ec2")],
         tags={"team": "platform"}),
    dict(name="walter.davis", age=600, groups=["Developers"], password=(200, 420), mfa="virtual",
         tags={"team": "orders"}),
    dict(name="svc-backup", path="/service-accounts/", age=560, groups=["BackupOperators"],
         keys=[(True, 30, 0, "us-east-1", "s3")], tags={"owner": "platform"}),
    dict(name="svc-ci-deploy", path="/service-accounts/", age=700, groups=["CIDeployers"],
         keys=[(True, 200, 0, "us-east-1", "ecs")], tags={"owner": "platform"}),
    dict(name="svc-legacy-reporting", path="/service-accounts/", age=1400, groups=[],
         attached=[local_policy("LegacyFullAdmin")], keys=[(True, 300, 100, "us-east-1", "s3")],
         tags={"owner": "finance-analytics"}),
    dict(name="svc-monitoring", path="/service-accounts/", age=10, groups=[],
         attached=[local_policy("MonitoringReadOnly")], keys=[(True, 10, None, None, None)],
         tags={"owner": "sre"}),
]

# ----------------------------------------------------------------------------- roles

def trust_service(service, condition=None):
    s = {"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}
    if condition:
        s["Condition"] = condition
    return doc(s)


def trust_aws(principal, condition=None):
    s = {"Effect": "Allow", "Principal": {"AWS": principal}, "Action": "sts:AssumeRole"}
    if condition:
        s["Condition"] = condition
    return doc(s)


SAML_TRUST = doc({"Effect": "Allow", "Principal": {"Federated": SAML_PROVIDER}, "Action": "sts:AssumeRoleWithSAML",
                  "Condition": {"StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}}})
GITHUB_TRUST = doc({
    "Effect": "Allow", "Principal": {"Federated": OIDC_PROVIDER}, "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {
        "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
        "StringLike": {"token.actions.githubusercontent.com:sub": "repo:example-corp/orders-service:ref:refs/heads/main"},
    }})
OWN_ACCOUNT = f"arn:aws:iam::{ACCOUNT}:root"
SOURCE_ACCOUNT = {"StringEquals": {"aws:SourceAccount": ACCOUNT}}

# name -> dict(path, age, trust, attached, inline, last_used (days or None = {}), profile, boundary, tags)
SLR = [
    ("AWSServiceRoleForSupport", "support.amazonaws.com", "AWSSupportServiceRolePolicy", 2200, 2),
    ("AWSServiceRoleForTrustedAdvisor", "trustedadvisor.amazonaws.com", "AWSTrustedAdvisorServiceRolePolicy", 2200, 1),
    ("AWSServiceRoleForAccessAnalyzer", "access-analyzer.amazonaws.com", "AccessAnalyzerServiceRolePolicy", 920, 0),
    ("AWSServiceRoleForOrganizations", "organizations.amazonaws.com", "AWSOrganizationsServiceTrustPolicy", 1600, 6),
    ("AWSServiceRoleForAutoScaling", "autoscaling.amazonaws.com", "AutoScalingServiceRolePolicy", 1500, 0),
    ("AWSServiceRoleForElasticLoadBalancing", "elasticloadbalancing.amazonaws.com",
     "AWSElasticLoadBalancingServiceRolePolicy", 1500, 0),
    ("AWSServiceRoleForECS", "ecs.amazonaws.com", "AmazonECSServiceRolePolicy", 1450, 0),
    ("AWSServiceRoleForAmazonGuardDuty", "guardduty.amazonaws.com", "AmazonGuardDutyServiceRolePolicy", 1300, 0),
]
ROLES = [
    # people, through the identity provider
    dict(name="ExampleCorpAdmins", age=1000, trust=SAML_TRUST, attached=[aws_policy("AdministratorAccess")],
         last_used=0, tags={"access": "sso"}),
    dict(name="ExampleCorpDevelopers", age=1000, trust=SAML_TRUST,
         attached=[local_policy("NotActionPowerUser"), local_policy("CloudFormationStacksRead")], last_used=0,
         tags={"access": "sso"}),
    dict(name="ExampleCorpReadOnly", age=1000, trust=SAML_TRUST, attached=[aws_policy("ReadOnlyAccess")],
         last_used=1, tags={"access": "sso"}),
    dict(name="ExampleCorpDataEngineers", age=450, trust=SAML_TRUST, attached=[local_policy("DataLakeAthenaQuery")],
         last_used=3, tags={"access": "sso"}),
    # roles people assume from inside the account
    dict(name="BreakGlassAdmin", age=1300,
         trust=trust_aws(OWN_ACCOUNT, {"Bool": {"aws:MultiFactorAuthPresent": "true"}}),
         attached=[aws_policy("AdministratorAccess")], last_used=60),
    dict(name="support-incident-role", age=1000, trust=trust_aws(OWN_ACCOUNT), attached=[aws_policy("AWSSupportAccess")],
         last_used=25),
    dict(name="security-audit-role", age=520, trust=trust_aws(OWN_ACCOUNT),
         attached=[aws_policy("SecurityAudit"), local_policy("SecurityHubFindingsRead")], last_used=8),
    dict(name="new-analytics-role", age=5, trust=trust_aws(OWN_ACCOUNT), attached=[local_policy("S3ReadOnlyViaDeny")],
         last_used=None, tags={"project": "analytics-sandbox"}),
    # other accounts
    dict(name="legacy-partner-access", age=1700, trust=trust_aws("*"), attached=[aws_policy("AmazonS3ReadOnlyAccess")],
         last_used=30, tags={"partner": "unknown"}),
    dict(name="partner-audit-role", age=600, trust=trust_aws(f"arn:aws:iam::{PARTNER}:root"),
         attached=[aws_policy("SecurityAudit")], last_used=14, tags={"partner": "Fabrikam Audit"}),
    dict(name="vendor-monitoring-role", age=800,
         trust=trust_aws(f"arn:aws:iam::{VENDOR}:root", {"StringEquals": {"sts:ExternalId": "examplecorp-7f3c9a21"}}),
         attached=[aws_policy("CloudWatchReadOnlyAccess")], last_used=0, tags={"partner": "Northwind Monitoring"}),
    dict(name="github-actions-deploy", age=400, trust=GITHUB_TRUST,
         attached=[local_policy("AssumeAnyRole"), local_policy("ArtifactsBucketWrite")],
         boundary="DeployArtifactsBoundary", last_used=0, tags={"repo": "example-corp/orders-service"}),
    # AWS services
    dict(name="lambda-orders-processor", path="/service-role/", age=640,
         trust=trust_service("lambda.amazonaws.com", SOURCE_ACCOUNT),
         attached=[aws_policy("service-role/AWSLambdaBasicExecutionRole"), local_policy("OrdersTableReadWrite"),
                   local_policy("ParameterStoreAppRead"), local_policy("OrdersQueueConsume"),
                   local_policy("NotificationsTopicPublish")], last_used=0),
    dict(name="lambda-image-resizer", path="/service-role/", age=610, trust=trust_service("lambda.amazonaws.com"),
         attached=[aws_policy("service-role/AWSLambdaBasicExecutionRole"), local_policy("ImagesBucketReadWrite")],
         inline=[("dlq-send", doc(allow("sqs:SendMessage", f"arn:aws:sqs:us-east-1:{ACCOUNT}:image-resizer-dlq")))],
         last_used=0),
    dict(name="ec2-app-server", age=820, trust=trust_service("ec2.amazonaws.com"),
         attached=[aws_policy("AmazonSSMManagedInstanceCore"), local_policy("OrdersBucketRead"),
                   local_policy("AppLogsWrite"), local_policy("ECRPullApp"), local_policy("AppSecretsRead"),
                   local_policy("KmsAppKeyUse")],
         inline=[("xray-traces", doc(allow(["xray:PutTelemetryRecords", "xray:PutTraceSegments"])))],
         profile="ec2-app-server", last_used=0),
    dict(name="ec2-bastion-admin", age=1250, trust=trust_service("ec2.amazonaws.com"),
         attached=[aws_policy("AdministratorAccess"), aws_policy("AmazonSSMManagedInstanceCore")],
         profile="bastion-admin", last_used=0, tags={"owner": "platform"}),
    dict(name="glue-nightly-etl", path="/service-role/", age=600, trust=trust_service("glue.amazonaws.com"),
         attached=[aws_policy("service-role/AWSGlueServiceRole"), local_policy("GlueNightlyEtlAccess")],
         last_used=200),
    dict(name="aws-config-recorder", path="/service-role/", age=900,
         trust=trust_service("config.amazonaws.com", SOURCE_ACCOUNT),
         attached=[aws_policy("service-role/AWS_ConfigRole")],
         inline=[("config-delivery", doc(
             allow("s3:PutObject", S3 + f"examplecorp-config-{ACCOUNT}/AWSLogs/{ACCOUNT}/*",
                   condition={"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}}),
             allow("s3:GetBucketAcl", S3 + f"examplecorp-config-{ACCOUNT}")))],
         last_used=0),
    dict(name="ecs-task-execution-role", age=690,
         trust=trust_service("ecs-tasks.amazonaws.com", {
             "ArnLike": {"aws:SourceArn": f"arn:aws:ecs:us-east-1:{ACCOUNT}:*"},
             "StringEquals": {"aws:SourceAccount": ACCOUNT}}),
         attached=[aws_policy("service-role/AmazonECSTaskExecutionRolePolicy")], last_used=0),
    dict(name="states-order-workflow", path="/service-role/", age=380, trust=trust_service("states.amazonaws.com"),
         attached=[local_policy("OrderWorkflowInvokeLambda")], last_used=0),
    dict(name="events-invoke-order-workflow", path="/service-role/", age=380,
         trust=trust_service("events.amazonaws.com", {
             "ArnLike": {"aws:SourceArn": f"arn:aws:events:us-east-1:{ACCOUNT}:rule/order-*"}}),
         attached=[local_policy("StartOrderWorkflow")], last_used=0),
    dict(name="dms-legacy-migration", age=300, trust=trust_service("dms.amazonaws.com"),
         attached=[local_policy("DmsMigrationAccess")], last_used=None, tags={"project": "db-migration-2026"}),
]

# ----------------------------------------------------------------------------- builders

def tags(d):
    return [{"Key": k, "Value": v} for k, v in (d or {}).items()]


def build_policies(attachments, boundary_uses):
    out = []
    for name in sorted(POLICIES):
        age, description, versions = POLICIES[name]
        created = ago(age, "policy/" + name)
        n = len(versions)
        version_list = []
        for i, document in enumerate(versions):
            vid = f"v{i + 1}"
            # versions spread evenly between creation and (for multi-version policies) 30 days ago
            when = created if i == 0 else ago(max(30, age - (age - 30) * i // (n - 1)), f"policy/{name}/{vid}")
            version_list.append({"Document": document, "VersionId": vid, "IsDefaultVersion": i == n - 1,
                                 "CreateDate": iso(when)})
        version_list.reverse()  # newest first, as IAM lists them
        p = {
            "PolicyName": name,
            "PolicyId": unique_id("ANPA", "policy/" + name),
            "Arn": f"arn:aws:iam::{ACCOUNT}:policy/{name}",
            "Path": "/",
            "DefaultVersionId": f"v{n}",
            "AttachmentCount": attachments.get(name, 0),
            "PermissionsBoundaryUsageCount": boundary_uses.get(name, 0),
            "IsAttachable": True,
        }
        if description:
            p["Description"] = description
        p["CreateDate"] = iso(created)
        p["UpdateDate"] = version_list[0]["CreateDate"]
        p["PolicyVersionList"] = version_list
        out.append(p)
    return out


def user_arn(u):
    return arn("user", u["name"], u.get("path", "/"))


def build_users():
    out = []
    for u in sorted(USERS, key=lambda u: u["name"]):
        d = {
            "Path": u.get("path", "/"),
            "UserName": u["name"],
            "UserId": unique_id("AIDA", "user/" + u["name"]),
            "Arn": user_arn(u),
            "CreateDate": iso(ago(u["age"], "user/" + u["name"])),
        }
        if u.get("inline"):
            d["UserPolicyList"] = [{"PolicyName": n, "PolicyDocument": pd} for n, pd in u["inline"]]
        d["GroupList"] = sorted(u["groups"])
        d["AttachedManagedPolicies"] = u.get("attached", [])
        d["Tags"] = tags(u.get("tags"))
        out.append(d)
    return out


def build_groups():
    out = []
    for name in sorted(GROUPS):
        age, attached, inline = GROUPS[name]
        out.append({
            "Path": "/",
            "GroupName": name,
            "GroupId": unique_id("AGPA", "group/" + name),
            "Arn": arn("group", name),
            "CreateDate": iso(ago(age, "group/" + name)),
            "GroupPolicyList": [{"PolicyName": n, "PolicyDocument": pd} for n, pd in inline],
            "AttachedManagedPolicies": attached,
        })
    return out


def all_roles():
    roles = []
    for name, service, policy, age, used in SLR:
        roles.append(dict(name=name, path=f"/aws-service-role/{service}/", age=age, trust=trust_service(service),
                          attached=[aws_policy("aws-service-role/" + policy)], last_used=used))
    return roles + ROLES


def role_last_used(r):
    if r["last_used"] is None:
        return {}
    region = "eu-west-1" if r["name"] in ("ExampleCorpDataEngineers", "partner-audit-role") else HOME_REGION
    return {"LastUsedDate": iso(ago(r["last_used"], "role-used/" + r["name"])), "Region": region}


def build_roles():
    out = []
    for r in sorted(all_roles(), key=lambda r: r["name"]):
        path = r.get("path", "/")
        role_arn = arn("role", r["name"], path)
        role_id = unique_id("AROA", "role/" + r["name"])
        created = iso(ago(r["age"], "role/" + r["name"]))
        profiles = []
        if r.get("profile"):
            p = r["profile"]
            profiles.append({
                "Path": "/",
                "InstanceProfileName": p,
                "InstanceProfileId": unique_id("AIPA", "instance-profile/" + p),
                "Arn": arn("instance-profile", p),
                "CreateDate": created,
                "Roles": [{"Path": path, "RoleName": r["name"], "RoleId": role_id, "Arn": role_arn,
                           "CreateDate": created, "AssumeRolePolicyDocument": r["trust"]}],
            })
        d = {
            "Path": path,
            "RoleName": r["name"],
            "RoleId": role_id,
            "Arn": role_arn,
            "CreateDate": created,
            "AssumeRolePolicyDocument": r["trust"],
            "InstanceProfileList": profiles,
            "RolePolicyList": [{"PolicyName": n, "PolicyDocument": pd} for n, pd in r.get("inline", [])],
            "AttachedManagedPolicies": r["attached"],
        }
        if r.get("boundary"):
            d["PermissionsBoundary"] = {"PermissionsBoundaryType": "PermissionsBoundaryPolicy",
                                        "PermissionsBoundaryArn": f"arn:aws:iam::{ACCOUNT}:policy/{r['boundary']}"}
        d["Tags"] = tags(r.get("tags"))
        d["RoleLastUsed"] = role_last_used(r)
        out.append(d)
    return out


def attachment_counts():
    counts, boundaries = {}, {}
    entities = [u.get("attached", []) for u in USERS] + [g[1] for g in GROUPS.values()] + \
               [r["attached"] for r in all_roles()]
    for attached in entities:
        for a in attached:
            if a["PolicyArn"].startswith(f"arn:aws:iam::{ACCOUNT}:policy/"):
                counts[a["PolicyName"]] = counts.get(a["PolicyName"], 0) + 1
    for r in ROLES:
        if r.get("boundary"):
            boundaries[r["boundary"]] = boundaries.get(r["boundary"], 0) + 1
    return counts, boundaries


def check_consistency(counts, boundaries):
    """Guards the tables against typos: every referenced customer policy exists, and so on."""
    assert len(USERS) == 20 and len(all_roles()) == 30 and len(POLICIES) == 40, \
        (len(USERS), len(all_roles()), len(POLICIES))
    for name in list(counts) + list(boundaries):
        assert name in POLICIES, name
    for name in POLICIES:
        assert counts.get(name) or boundaries.get(name) or name == "OldAdminAccess", f"{name} is not used"
    for u in USERS:
        for g in u["groups"]:
            assert g in GROUPS, g
    entities = [u.get("attached", []) for u in USERS] + [g[1] for g in GROUPS.values()] + \
               [r["attached"] for r in all_roles()]
    for attached in entities:
        assert len(attached) <= 10, attached  # AttachedPoliciesPer*Quota


# ----------------------------------------------------------------------------- credential report

COLUMNS = ["user", "arn", "user_creation_time", "password_enabled", "password_last_used", "password_last_changed",
           "password_next_rotation", "mfa_active", "access_key_1_active", "access_key_1_last_rotated",
           "access_key_1_last_used_date", "access_key_1_last_used_region", "access_key_1_last_used_service",
           "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date",
           "access_key_2_last_used_region", "access_key_2_last_used_service", "cert_1_active",
           "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated"]
ROOT_CREATED = ago(3000, "root")
ROOT_LAST_USED = ago(10, "root-used")


def credential_report():
    lines = [",".join(COLUMNS)]
    root = ["<root_account>", f"arn:aws:iam::{ACCOUNT}:root", iso(ROOT_CREATED), "not_supported", iso(ROOT_LAST_USED),
            "not_supported", "not_supported", "true", "false", "N/A", "N/A", "N/A", "N/A", "false", "N/A", "N/A",
            "N/A", "N/A", "false", "N/A", "false", "N/A"]
    lines.append(",".join(root))
    for u in sorted(USERS, key=lambda u: u["name"]):
        created = ago(u["age"], "user/" + u["name"])
        row = [u["name"], user_arn(u), iso(created)]
        pw = u.get("password")
        if pw is None:
            row += ["false", "N/A", "N/A", "N/A"]
        else:
            last_used, changed = pw
            changed_at = created if changed >= u["age"] else ago(changed, "pw-changed/" + u["name"])
            if last_used is not None:
                used_at = ago(last_used, "pw-used/" + u["name"])
                assert used_at > changed_at >= created and (COLLECTED_AT - used_at).days == last_used, u["name"]
            row += ["true", "no_information" if last_used is None else iso(used_at), iso(changed_at), "N/A"]
        row.append("true" if u.get("mfa") else "false")
        keys = u.get("keys", [])
        for i in range(2):
            if i >= len(keys):
                row += ["false", "N/A", "N/A", "N/A", "N/A"]
                continue
            active, age, used, region, service = keys[i]
            if u.get("setup_key") and i == 0:
                rotated = created + dt.timedelta(seconds=41)  # created together with the user
            else:
                rotated = max(ago(age, f"key{i + 1}/" + u["name"]), created + dt.timedelta(minutes=4))
            assert (COLLECTED_AT - rotated).days == age, (u["name"], i)
            row += ["true" if active else "false", iso(rotated)]
            if used is None:
                row += ["N/A", "N/A", "N/A"]
            else:
                last_used = ago(used, f"key{i + 1}-used/" + u["name"]).replace(second=0)
                assert last_used > rotated and (COLLECTED_AT - last_used).days == used, (u["name"], i)
                row += [iso(last_used), region, service]
        row += ["false", "N/A", "false", "N/A"]
        assert len(row) == len(COLUMNS)
        lines.append(",".join(row))
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- small files

def virtual_mfa_devices():
    devices = [{
        "SerialNumber": f"arn:aws:iam::{ACCOUNT}:mfa/root-account-mfa-device",
        "User": {"UserId": ACCOUNT, "Arn": f"arn:aws:iam::{ACCOUNT}:root", "CreateDate": iso(ROOT_CREATED),
                 "PasswordLastUsed": iso(ROOT_LAST_USED)},
        "EnableDate": iso(ago(2990, "root-mfa")),
    }]
    for u in sorted(USERS, key=lambda u: u["name"]):
        created = ago(u["age"], "user/" + u["name"])
        if u.get("mfa") == "virtual":
            user = {"Path": u.get("path", "/"), "UserName": u["name"], "UserId": unique_id("AIDA", "user/" + u["name"]),
                    "Arn": user_arn(u), "CreateDate": iso(created)}
            if u.get("password") and u["password"][0] is not None:
                user["PasswordLastUsed"] = iso(ago(u["password"][0], "pw-used/" + u["name"]))
            devices.append({"SerialNumber": f"arn:aws:iam::{ACCOUNT}:mfa/{u['name']}", "User": user,
                            "EnableDate": iso(created + dt.timedelta(minutes=17))})
        if u.get("unassigned_mfa"):  # enrolment started, never finished
            devices.append({"SerialNumber": f"arn:aws:iam::{ACCOUNT}:mfa/{u['name']}"})
    devices.sort(key=lambda d: d["SerialNumber"])
    return {"VirtualMFADevices": devices}


def account_summary(policies, roles):
    virtual = sum(1 for u in USERS if u.get("mfa") == "virtual")
    hardware = sum(1 for u in USERS if u.get("mfa") == "hardware")
    unassigned = sum(1 for u in USERS if u.get("unassigned_mfa"))
    attachments = sum(p["AttachmentCount"] for p in policies)
    aws_attachments = len({a["PolicyArn"] for r in all_roles() for a in r["attached"]} |
                          {a["PolicyArn"] for g in GROUPS.values() for a in g[1]} |
                          {a["PolicyArn"] for u in USERS for a in u.get("attached", [])})
    return {"SummaryMap": {
        "GroupPolicySizeQuota": 5120,
        "InstanceProfilesQuota": 1000,
        "Policies": len(policies),
        "GroupsPerUserQuota": 10,
        "InstanceProfiles": sum(len(r["InstanceProfileList"]) for r in roles),
        "AttachedPoliciesPerUserQuota": 10,
        "Users": len(USERS),
        "PoliciesQuota": 1500,
        "Providers": 2,
        "AccountMFAEnabled": 1,
        "AccessKeysPerUserQuota": 2,
        "AssumeRolePolicySizeQuota": 2048,
        "PolicyVersionsInUseQuota": 10000,
        "GlobalEndpointTokenVersion": 1,
        "VersionsPerPolicyQuota": 5,
        "AttachedPoliciesPerGroupQuota": 10,
        "PolicySizeQuota": 6144,
        "Groups": len(GROUPS),
        "AccountSigningCertificatesPresent": 0,
        "UsersQuota": 5000,
        "ServerCertificatesQuota": 20,
        "MFADevices": virtual + hardware + unassigned + 1,
        "UserPolicySizeQuota": 2048,
        "PolicyVersionsInUse": attachments + aws_attachments,
        "ServerCertificates": 2,
        "Roles": len(roles),
        "RolesQuota": 1000,
        "SigningCertificatesPerUserQuota": 2,
        "MFADevicesInUse": virtual + hardware + 1,
        "RolePolicySizeQuota": 10240,
        "AttachedPoliciesPerRoleQuota": 10,
        "AccountAccessKeysPresent": 0,
        "AccountPasswordPresent": 1,
        "GroupsQuota": 300,
    }}


PASSWORD_POLICY = {"PasswordPolicy": {
    "MinimumPasswordLength": 8,
    "RequireSymbols": False,
    "RequireNumbers": True,
    "RequireUppercaseCharacters": True,
    "RequireLowercaseCharacters": True,
    "AllowUsersToChangePassword": True,
    "ExpirePasswords": False,
    "HardExpiry": False,
}}

SERVER_CERTIFICATES = {"ServerCertificateMetadataList": [
    {"Path": "/", "ServerCertificateName": "legacy-www-examplecorp-com-2024",
     "ServerCertificateId": unique_id("ASCA", "cert/legacy"),
     "Arn": arn("server-certificate", "legacy-www-examplecorp-com-2024"),
     "UploadDate": "2024-06-03T14:12:09+00:00", "Expiration": "2025-06-30T23:59:59+00:00"},
    {"Path": "/cloudfront/", "ServerCertificateName": "www-examplecorp-com-2026",
     "ServerCertificateId": unique_id("ASCA", "cert/current"),
     "Arn": arn("server-certificate", "www-examplecorp-com-2026", "/cloudfront/"),
     "UploadDate": "2026-08-11T09:30:51+00:00", "Expiration": "2027-09-10T23:59:59+00:00"},
]}

TRAIL_NAME = "examplecorp-management-events"
TRAIL_ARN = f"arn:aws:cloudtrail:{HOME_REGION}:{ACCOUNT}:trail/{TRAIL_NAME}"
TRAIL = {
    "Name": TRAIL_NAME,
    "S3BucketName": f"examplecorp-cloudtrail-{ACCOUNT}",
    "IncludeGlobalServiceEvents": True,
    "IsMultiRegionTrail": True,
    "HomeRegion": HOME_REGION,
    "TrailARN": TRAIL_ARN,
    "LogFileValidationEnabled": True,
    "HasCustomEventSelectors": False,
    "HasInsightSelectors": False,
    "IsOrganizationTrail": False,
}
TRAIL_STATUS = {
    "IsLogging": True,
    "LatestDeliveryTime": "2026-11-20T08:52:13.274000+00:00",
    "StartLoggingTime": iso(ago(1683, "trail-start", fraction=True)),
    "LatestDigestDeliveryTime": "2026-11-20T08:31:47.902000+00:00",
    "LatestDeliveryAttemptTime": "2026-11-20T08:52:13Z",
    "LatestNotificationAttemptTime": "",
    "LatestNotificationAttemptSucceeded": "",
    "LatestDeliveryAttemptSucceeded": "2026-11-20T08:52:13Z",
    "TimeLoggingStarted": ago(1683, "trail-start").strftime("%Y-%m-%dT%H:%M:%SZ"),
    "TimeLoggingStopped": "",
}
EVENT_SELECTORS = {
    "TrailARN": TRAIL_ARN,
    "EventSelectors": [{"ReadWriteType": "All", "IncludeManagementEvents": True, "DataResources": [],
                        "ExcludeManagementEventSources": []}],
}
ANALYZERS = {
    "us-east-1": {"analyzers": [{
        "arn": f"arn:aws:access-analyzer:us-east-1:{ACCOUNT}:analyzer/ExampleCorpAccountAnalyzer",
        "name": "ExampleCorpAccountAnalyzer",
        "type": "ACCOUNT",
        "createdAt": iso(ago(920, "analyzer")),
        "lastResourceAnalyzed": "arn:aws:s3:::examplecorp-orders",
        "lastResourceAnalyzedAt": iso(ago(0, "analyzer-last", fraction=True)),
        "tags": {"owner": "security"},
        "status": "ACTIVE",
    }]},
    "eu-west-1": {"analyzers": []},
}

# ----------------------------------------------------------------------------- organizations

def org_policy_summary(pid, name, description, kind, aws_managed):
    if aws_managed:
        parn = f"arn:aws:organizations::aws:policy/{kind.lower()}/{pid}"
    else:
        parn = f"arn:aws:organizations::{MANAGEMENT}:policy/{ORG_ID}/{kind.lower()}/{pid}"
    return {"Id": pid, "Arn": parn, "Name": name, "Description": description, "Type": kind, "AwsManaged": aws_managed}


FULL_SCP = org_policy_summary("p-FullAWSAccess", "FullAWSAccess", "Allows access to every operation",
                              "SERVICE_CONTROL_POLICY", True)
GUARDRAILS_SCP = org_policy_summary(SCP_GUARDRAILS, "BaselineGuardrails",
                                    "Keeps accounts in the organization and protects CloudTrail and security services",
                                    "SERVICE_CONTROL_POLICY", False)
FULL_RCP = org_policy_summary("p-RCPFullAWSAccess", "RCPFullAWSAccess", "Allows access to every operation",
                              "RESOURCE_CONTROL_POLICY", True)
ORG_POLICY_CONTENT = {
    "p-FullAWSAccess": doc({"Effect": "Allow", "Action": "*", "Resource": "*"}),
    "p-RCPFullAWSAccess": doc({"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}),
    SCP_GUARDRAILS: doc(
        {"Sid": "DenyLeavingOrganization", "Effect": "Deny", "Action": "organizations:LeaveOrganization",
         "Resource": "*"},
        {"Sid": "ProtectCloudTrail", "Effect": "Deny",
         "Action": ["cloudtrail:DeleteTrail", "cloudtrail:PutEventSelectors", "cloudtrail:StopLogging",
                    "cloudtrail:UpdateTrail"],
         "Resource": "*",
         "Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/OrganizationAccountAccessRole"}}},
        {"Sid": "ProtectSecurityServices", "Effect": "Deny",
         "Action": ["access-analyzer:DeleteAnalyzer", "guardduty:DeleteDetector",
                    "guardduty:DisassociateFromAdministratorAccount", "securityhub:DisableSecurityHub"],
         "Resource": "*"}),
}


def organizations_files():
    files = {
        "organizations/organization.json": {"Organization": {
            "Id": ORG_ID,
            "Arn": f"arn:aws:organizations::{MANAGEMENT}:organization/{ORG_ID}",
            "FeatureSet": "ALL",
            "MasterAccountArn": f"arn:aws:organizations::{MANAGEMENT}:account/{ORG_ID}/{MANAGEMENT}",
            "MasterAccountId": MANAGEMENT,
            "MasterAccountEmail": "aws-management@example.com",
            "AvailablePolicyTypes": [{"Type": "SERVICE_CONTROL_POLICY", "Status": "ENABLED"},
                                     {"Type": "RESOURCE_CONTROL_POLICY", "Status": "ENABLED"}],
        }},
        f"organizations/parents/{ACCOUNT}.json": {"Parents": [{"Id": ORG_OU, "Type": "ORGANIZATIONAL_UNIT"}]},
        f"organizations/parents/{ORG_OU}.json": {"Parents": [{"Id": ORG_ROOT, "Type": "ROOT"}]},
        f"organizations/scp-targets/{ORG_ROOT}.json": {"Policies": [FULL_SCP, GUARDRAILS_SCP]},
        f"organizations/scp-targets/{ORG_OU}.json": {"Policies": [FULL_SCP]},
        f"organizations/scp-targets/{ACCOUNT}.json": {"Policies": [FULL_SCP]},
    }
    for target in (ORG_ROOT, ORG_OU, ACCOUNT):
        files[f"organizations/rcp-targets/{target}.json"] = {"Policies": [FULL_RCP]}
    for summary in (FULL_SCP, GUARDRAILS_SCP, FULL_RCP):
        content = json.dumps(ORG_POLICY_CONTENT[summary["Id"]], indent=4)
        files[f"organizations/policies/{summary['Id']}.json"] = {"Policy": {"PolicySummary": summary,
                                                                              "Content": content}}
    return files


# ----------------------------------------------------------------------------- the snapshot

def command_for(path):
    if path == "authorization-details.json":
        return "aws iam get-account-authorization-details"
    if path == "credential-report.csv":
        return "aws iam get-credential-report"
    simple = {
        "password-policy.json": "aws iam get-account-password-policy",
        "account-summary.json": "aws iam get-account-summary",
        "virtual-mfa-devices.json": "aws iam list-virtual-mfa-devices",
        "saml-providers.json": "aws iam list-saml-providers",
        "open-id-connect-providers.json": "aws iam list-open-id-connect-providers",
        "server-certificates.json": "aws iam list-server-certificates",
        "organizations-features.json": "aws iam list-organizations-features",
        "organizations/organization.json": "aws organizations describe-organization",
    }
    if path in simple:
        return simple[path]
    parts = path[:-len(".json")].split("/")
    if parts[0] == "cloudtrail":
        region, what = parts[1], parts[2]
        if what == "trails":
            return f"aws cloudtrail describe-trails --region {region}"
        if what == "trail-status":
            return "aws cloudtrail get-trail-status --name <trail ARN> (per trail, in its home region)"
        return "aws cloudtrail get-event-selectors --trail-name <trail ARN> (per trail, in its home region)"
    if parts[0] == "access-analyzers":
        return f"aws accessanalyzer list-analyzers --region {parts[1]}"
    if parts[:2] == ["organizations", "parents"]:
        return f"aws organizations list-parents --child-id {parts[2]}"
    if parts[:2] == ["organizations", "scp-targets"]:
        return f"aws organizations list-policies-for-target --target-id {parts[2]} --filter SERVICE_CONTROL_POLICY"
    if parts[:2] == ["organizations", "rcp-targets"]:
        return f"aws organizations list-policies-for-target --target-id {parts[2]} --filter RESOURCE_CONTROL_POLICY"
    if parts[:2] == ["organizations", "policies"]:
        return f"aws organizations describe-policy --policy-id {parts[2]}"
    raise ValueError(path)


def snapshot_files():
    counts, boundaries = attachment_counts()
    check_consistency(counts, boundaries)
    policies = build_policies(counts, boundaries)
    roles = build_roles()
    files = {
        "authorization-details.json": {"UserDetailList": build_users(), "GroupDetailList": build_groups(),
                                       "RoleDetailList": roles, "Policies": policies},
        "credential-report.csv": credential_report(),
        "password-policy.json": PASSWORD_POLICY,
        "account-summary.json": account_summary(policies, roles),
        "virtual-mfa-devices.json": virtual_mfa_devices(),
        "saml-providers.json": {"SAMLProviderList": [
            {"Arn": SAML_PROVIDER, "ValidUntil": "2035-04-02T11:06:27+00:00", "CreateDate": "2023-04-03T11:06:27+00:00"}]},
        "open-id-connect-providers.json": {"OpenIDConnectProviderList": [{"Arn": OIDC_PROVIDER}]},
        "server-certificates.json": SERVER_CERTIFICATES,
        "organizations-features.json": {"OrganizationId": ORG_ID, "EnabledFeatures": ["RootSessions"]},
    }
    for region in REGIONS:
        # the multi-region trail shows up in every region (a shadow copy outside its home region)
        files[f"cloudtrail/{region}/trails.json"] = {"trailList": [TRAIL]}
        files[f"cloudtrail/{region}/trail-status.json"] = {TRAIL_ARN: TRAIL_STATUS}
        files[f"cloudtrail/{region}/event-selectors.json"] = {TRAIL_ARN: EVENT_SELECTORS}
        files[f"access-analyzers/{region}.json"] = ANALYZERS[region]
    files.update(organizations_files())
    manifest = {
        "accountId": ACCOUNT,
        "partition": "aws",
        "collectedAt": COLLECTED_AT.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "tool": "examples/demo-account/generate.py (synthetic data)",
        "regions": REGIONS,
        "files": {path: {"status": "ok", "command": command_for(path)} for path in sorted(files)},
    }
    files["manifest.json"] = manifest
    rendered = {}
    for path, content in files.items():
        rendered[path] = content if isinstance(content, str) else json.dumps(content, indent=4, ensure_ascii=False) + "\n"
    return rendered


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the files on disk instead of writing")
    parser.add_argument("--out", default=HERE, help="directory to write (default: this script's directory)")
    args = parser.parse_args()
    files = snapshot_files()
    stale = []
    for path in sorted(files):
        full = os.path.join(args.out, path)
        if args.check:
            try:
                with open(full, encoding="utf-8", newline="") as f:
                    if f.read() != files[path]:
                        stale.append(path)
            except FileNotFoundError:
                stale.append(path)
            continue
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8", newline="") as f:
            f.write(files[path])
    if args.check:
        for path in stale:
            print(f"differs: {path}", file=sys.stderr)
        return 1 if stale else 0
    print(f"wrote {len(files)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
