// Baseline for the audit benchmark: read an NDJSON file line by line and JSON.parse each line,
// doing nothing else. Any analyser that reads the same file can at best match this.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

let n = 0;
const rl = createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity });
for await (const line of rl) {
  if (line.length > 0) {
    JSON.parse(line);
    n++;
  }
}
process.stdout.write(`${n}\n`);
