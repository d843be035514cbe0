import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

import { jsonWithOutputs } from '../../../constructs/pulumi/json-with-outputs';
import { findRegistration, runUnderMocks } from './mock-harness';

const DASHBOARD = 'aws:cloudwatch/dashboard:Dashboard';

test('renders the same JSON text as pulumi.jsonStringify, with every output resolved', async () => {
  // GIVEN a body with repeated and nested outputs, a promise, and values JSON leaves out
  const run = await runUnderMocks(() => {
    const topic = new aws.sns.Topic('topic', { region: 'us-east-1' });
    const body = {
      widgets: [
        { metrics: [['AWS/SNS', 'NumberOfMessagesPublished', 'TopicName', topic.name]] },
        { title: topic.arn, same: topic.name, skipped: undefined, list: [undefined, 1, null] },
      ],
      later: Promise.resolve({ nested: true }),
    };
    // WHEN
    new aws.cloudwatch.Dashboard('ours', {
      dashboardName: 'ours',
      dashboardBody: jsonWithOutputs(body),
    });
    new aws.cloudwatch.Dashboard('pulumi', {
      dashboardName: 'pulumi',
      dashboardBody: pulumi.jsonStringify(body),
    });
  });
  // THEN
  const ours = findRegistration(run.registrations, DASHBOARD, 'ours');
  const reference = findRegistration(run.registrations, DASHBOARD, 'pulumi');
  expect(ours.inputs.dashboardBody).toBe(reference.inputs.dashboardBody);
  expect(JSON.parse(String(ours.inputs.dashboardBody))).toEqual({
    widgets: [
      { metrics: [['AWS/SNS', 'NumberOfMessagesPublished', 'TopicName', 'topic-mock']] },
      {
        title: 'arn:aws:sns:us-east-1:123456789012:topic/topic-mock',
        same: 'topic-mock',
        list: [null, 1, null],
      },
    ],
    later: { nested: true },
  });
});

test('returns plain JSON text when the value holds no output', () => {
  // GIVEN
  const body = { widgets: [{ type: 'text', properties: { markdown: '# ok' } }] };
  // WHEN
  const json = jsonWithOutputs(body);
  // THEN
  expect(json).toBe(JSON.stringify(body));
});
