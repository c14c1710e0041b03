// Reads an Arrow IPC file or stream with Arrow's JavaScript implementation and prints, as JSON, each column's name,
// Arrow type and values (numbers as strings with all their digits, missing values as null); or, with --write,
// writes a small table of its own for Quiver to read. Used by ArrowInteropIT.
//   node arrow_roundtrip.mjs FILE            read
//   node arrow_roundtrip.mjs --write FILE    write (file format)
import { readFileSync, writeFileSync } from 'node:fs';
import { tableFromIPC, tableToIPC, tableFromArrays, vectorFromArray, Table, Utf8, Float64, Int32 } from 'apache-arrow';

const args = process.argv.slice(2);
if (args[0] === '--write') {
  const table = new Table({
    'price, "adj"': vectorFromArray([1.5, null, -0.25], new Float64()),
    'n': vectorFromArray([1, 2, null], new Int32()),
    'sym': vectorFromArray(['a,b', null, '日本'], new Utf8()),
  });
  writeFileSync(args[1], tableToIPC(table, 'file'));
} else {
  const table = tableFromIPC(readFileSync(args[0]));
  const columns = table.schema.fields.map((f, i) => {
    const v = table.getChildAt(i);
    const values = [];
    for (let r = 0; r < table.numRows; r++) {
      const x = v.get(r);
      if (x === null || x === undefined) values.push(null);
      else if (typeof x === 'number') values.push(Object.is(x, -0) ? '-0' : String(x));
      else if (typeof x === 'bigint') values.push(x.toString());
      else if (typeof x === 'boolean') values.push(String(x));
      else values.push(String(x));
    }
    return { name: f.name, type: String(f.type), values };
  });
  console.log(JSON.stringify({ rows: table.numRows, columns }));
}
