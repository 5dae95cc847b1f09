// A third-party OCPP 2.0.1 peer for the conformance tests: ocpp-rpc (github.com/mikuso/ocpp-rpc) in strict
// mode, which validates every call and response against the official schemas in both directions.
//
//   node strict-peer.js csms <responses.json>                      listens on a free loopback port
//   node strict-peer.js station <responses.json> <endpoint> <id>   connects as station <id>
//
// It answers each call it receives with the response the file gives for the action, and reports on
// stdout, one JSON object a line: listening, connected, received (each call), strictFailure (every
// schema violation either way), result (of each call asked for on stdin), closed. Stdin takes one
// {"id", "method", "params"} a line and sends it to the connected peer.
'use strict';
const fs = require('fs');
const readline = require('readline');
const { RPCServer, RPCClient, createRPCError } = require('ocpp-rpc');

const [mode, responsesFile, endpoint, identity] = process.argv.slice(2);
const responses = JSON.parse(fs.readFileSync(responsesFile, 'utf8'));
const report = (line) => process.stdout.write(JSON.stringify(line) + '\n');
const options = { protocols: ['ocpp2.0.1'], strictMode: true, callTimeoutMs: 20000 };
let peer = null;

function answer({ method, params }) {
    report({ type: 'received', method, params });
    const response = responses[method];
    if (response === undefined)
        throw createRPCError('NotImplemented', `the strict peer has no response for ${method}`);
    // Times the receiver may check against its clock are the peer's own now.
    if (method === 'BootNotification' || method === 'Heartbeat')
        return { ...response, currentTime: new Date().toISOString() };
    return response;
}

function attach(client) {
    peer = client;
    client.handle(answer);
    client.on('strictValidationFailure', (failure) => report({
        type: 'strictFailure', method: failure.method, outbound: failure.outbound, isCall: failure.isCall,
        error: String(failure.error && failure.error.message), params: failure.params, result: failure.result,
    }));
    client.on('close', () => report({ type: 'closed' }));
    report({ type: 'connected', identity: client.identity, protocol: client.protocol });
}

async function call({ id, method, params }) {
    if (peer === null)
        return report({ type: 'result', id, ok: false, error: { code: 'NotConnected', message: 'no peer is connected' } });
    try {
        report({ type: 'result', id, ok: true, response: await peer.call(method, params) });
    } catch (error) {
        report({ type: 'result', id, ok: false, error: { code: error.rpcErrorCode || error.name, message: error.message, details: error.details } });
    }
}

async function main() {
    if (mode === 'csms') {
        const server = new RPCServer(options);
        server.on('client', attach);
        const http = await server.listen(0, '127.0.0.1');
        report({ type: 'listening', port: http.address().port });
    } else {
        const client = new RPCClient({ ...options, endpoint, identity, reconnect: false });
        await client.connect();
        attach(client);
    }
    readline.createInterface({ input: process.stdin }).on('line', (line) => { if (line.trim()) call(JSON.parse(line)); })
        .on('close', () => process.exit(0));
}

main().catch((error) => { report({ type: 'fatal', message: String(error && error.stack || error) }); process.exit(1); });
