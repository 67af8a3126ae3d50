/**
 * Rebuilds the admin console's counters from the index they count (decision 0035): gives client
 * profiles written before gsi3 existed their list entry, and older profiles, email records and
 * sessions the entries of the console's searches and session figures, then counts each phase and the
 * suppressions and writes the counts. `TABLE_NAME=<table> [AWS_REGION=…] npm run recount`, with
 * the deploying shell's AWS credentials; `DYNAMODB_ENDPOINT=http://localhost:8000` for DynamoDB
 * Local. Prints the counters before and after. Safe to run again: a second run changes nothing.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { recountFigures } from "../packages/core/src/adapters/dynamodb/recount";

const table = process.env.TABLE_NAME;
if (!table) {
  console.error("usage: TABLE_NAME=<table> [AWS_REGION=…] [DYNAMODB_ENDPOINT=…] npm run recount");
  process.exit(2);
}
const endpoint = process.env.DYNAMODB_ENDPOINT;
const client = new DynamoDBClient({
  region: process.env.AWS_REGION ?? "us-east-1",
  ...(endpoint ? { endpoint } : {}),
});
const result = await recountFigures(DynamoDBDocumentClient.from(client), table);
console.log(JSON.stringify(result, null, 2));
client.destroy();
