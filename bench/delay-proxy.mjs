// A TCP forwarder that delays every chunk by a fixed time in each direction, keeping order: the
// latency half of an emulated satellite link (the kernel here has no netem; bench/link.sh adds
// rate and loss). Usage: node bench/delay-proxy.mjs LISTEN_PORT TARGET_HOST TARGET_PORT DELAY_MS
import net from 'node:net'

const [listenPort, host, targetPort, delayMs] = process.argv.slice(2)
const delay = Number(delayMs)

/** Sends each chunk `delay` ms after it arrived, never before the chunk ahead of it. */
function delayed(from, to) {
  let due = 0
  from.on('data', (chunk) => {
    due = Math.max(Date.now() + delay, due)
    setTimeout(() => to.writable && to.write(chunk), due - Date.now())
  })
  from.on('end', () => setTimeout(() => to.end(), Math.max(0, due - Date.now())))
  from.on('error', () => to.destroy())
}

net
  .createServer((client) => {
    const upstream = net.connect(Number(targetPort), host)
    delayed(client, upstream)
    delayed(upstream, client)
  })
  .listen(Number(listenPort), '127.0.0.1', () =>
    console.log(`delay-proxy: ${listenPort} → ${host}:${targetPort}, ${delay} ms each way`),
  )
