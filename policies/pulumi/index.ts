import { PolicyPack } from '@pulumi/policy';

import { continuityPolicyPackArgs } from './continuity-policy-pack';

// The Pulumi CLI runs this file as the pack's entry point; constructing the pack serves it.
new PolicyPack('continuity-kit', continuityPolicyPackArgs());
