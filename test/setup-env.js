// aws-cdk-lib validates every synthesized template against the CloudFormation schema (~4 s per
// synth). Unit tests turn it off; the tests that want it build their App with
// `builtinCloudFormationValidation: true`.
process.env.CDK_VALIDATION = process.env.CDK_VALIDATION ?? 'false';
