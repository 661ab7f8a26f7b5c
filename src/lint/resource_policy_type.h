// The resource a resource policy is attached to (Access Analyzer's validatePolicyResourceType, and
// the CloudFormation policy resources): which service's actions and ARNs such a policy may name.
#pragma once

#include <optional>
#include <string_view>

namespace iamwarden::lint {

struct ResourcePolicyType {
  std::string_view name;     ///< "AWS::S3::Bucket"
  std::string_view service;  ///< the only action prefix and ARN service it accepts ("s3")
};

/// The type named by --resource-type (Access Analyzer's names, plus AWS::SQS::Queue, AWS::SNS::Topic,
/// AWS::KMS::Key) or by a CloudFormation policy resource (AWS::S3::BucketPolicy -> AWS::S3::Bucket);
/// nullopt when unknown.
std::optional<ResourcePolicyType> resource_policy_type(std::string_view name);

/// Every name --resource-type accepts, for its help.
std::string_view resource_policy_type_names();

}  // namespace iamwarden::lint
