/**
 * A loopback stand-in for SQS, enough for the bundles' job sends: the JSON protocol's `SendMessage` and
 * `SendMessageBatch` (`X-Amz-Target: AmazonSQS.<Action>`), answered as SQS does. It records what it received;
 * it does not check signatures, only that the request was signed (an `Authorization` header is present).
 * DynamoDB `Query` requests (the state store's) are answered by `dynamodb-stand-in.ts` and recorded too.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerDynamoDb, type DynamoRequest } from './dynamodb-stand-in.ts';

export interface SqsMessage {
  queueUrl: string;
  body: string;
  signed: boolean;
}

export interface SqsStandIn {
  /** Pass as `AWS_ENDPOINT_URL`. */
  url: string;
  messages: SqsMessage[];
  /** DynamoDB requests received. */
  dynamo: DynamoRequest[];
  close(): Promise<void>;
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startSqsStandIn(): Promise<SqsStandIn> {
  const messages: SqsMessage[] = [];
  const dynamo: DynamoRequest[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const answer = (status: number, body: object) => {
        res.writeHead(status, { 'Content-Type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify(body));
      };
      const target = String(req.headers['x-amz-target'] ?? '');
      const signed = typeof req.headers.authorization === 'string' && req.headers.authorization.startsWith('AWS4-HMAC-SHA256');
      let payload: Record<string, unknown>;
      try {
        payload = JSON.parse(await readBody(req)) as Record<string, unknown>;
      } catch {
        answer(400, { __type: 'com.amazonaws.sqs#InvalidParameterValue', message: 'body is not JSON' });
        return;
      }
      const dynamoAnswer = answerDynamoDb(target, payload);
      if (dynamoAnswer) {
        dynamo.push({ target, signed });
        answer(dynamoAnswer.status, dynamoAnswer.body);
        return;
      }
      const queueUrl = String(payload.QueueUrl ?? '');
      if (target === 'AmazonSQS.SendMessage' && typeof payload.MessageBody === 'string') {
        messages.push({ queueUrl, body: payload.MessageBody, signed });
        answer(200, { MessageId: randomUUID(), MD5OfMessageBody: md5(payload.MessageBody) });
        return;
      }
      if (target === 'AmazonSQS.SendMessageBatch' && Array.isArray(payload.Entries)) {
        const entries = payload.Entries as Array<{ Id?: unknown; MessageBody?: unknown }>;
        const successful = entries.map((entry) => {
          const body = String(entry.MessageBody ?? '');
          messages.push({ queueUrl, body, signed });
          return { Id: String(entry.Id ?? ''), MessageId: randomUUID(), MD5OfMessageBody: md5(body) };
        });
        answer(200, { Successful: successful, Failed: [] });
        return;
      }
      answer(400, { __type: 'com.amazonaws.sqs#UnsupportedOperation', message: `not supported here: ${target || 'no target'}` });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    messages,
    dynamo,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
