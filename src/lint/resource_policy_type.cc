// Resource policy types and their service.
#include "lint/resource_policy_type.h"

namespace iamwarden::lint {
namespace {

// Access Analyzer's validatePolicyResourceType values and the other services whose resource
// policies accept only their own actions and ARNs; the CloudFormation resource that attaches one.
struct Known {
  ResourcePolicyType type;
  std::string_view cloudformation;  // the policy resource naming it, or ""
};
constexpr Known kTypes[] = {
    {{"AWS::S3::Bucket", "s3"}, "AWS::S3::BucketPolicy"},
    {{"AWS::S3::AccessPoint", "s3"}, "AWS::S3::AccessPointPolicy"},
    {{"AWS::S3::MultiRegionAccessPoint", "s3"}, "AWS::S3::MultiRegionAccessPointPolicy"},
    {{"AWS::S3ObjectLambda::AccessPoint", "s3-object-lambda"}, "AWS::S3ObjectLambda::AccessPointPolicy"},
    {{"AWS::DynamoDB::Table", "dynamodb"}, ""},
    {{"AWS::SQS::Queue", "sqs"}, "AWS::SQS::QueuePolicy"},
    {{"AWS::SNS::Topic", "sns"}, "AWS::SNS::TopicPolicy"},
    {{"AWS::KMS::Key", "kms"}, "AWS::KMS::Key"},
};

}  // namespace

std::optional<ResourcePolicyType> resource_policy_type(std::string_view name) {
  for (const Known& k : kTypes)
    if (k.type.name == name || (!k.cloudformation.empty() && k.cloudformation == name)) return k.type;
  return std::nullopt;
}

std::string_view resource_policy_type_names() {
  return "AWS::S3::Bucket, AWS::S3::AccessPoint, AWS::S3::MultiRegionAccessPoint, AWS::S3ObjectLambda::AccessPoint, "
         "AWS::DynamoDB::Table, AWS::SQS::Queue, AWS::SNS::Topic, AWS::KMS::Key";
}

}  // namespace iamwarden::lint
