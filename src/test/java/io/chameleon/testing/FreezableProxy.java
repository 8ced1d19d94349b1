package io.chameleon.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay to a server that can go silent: once frozen it keeps every connection open but drops
 * what passes in either direction, as a cut network or a frozen host looks to a client that never
 * gets a reset. Held, it passes nothing until released and then delivers everything, as a network
 * that stalls and heals does under TCP's retransmission.
 */
public final class FreezableProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean frozen;
    private volatile boolean held;

    public FreezableProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::accept, "proxy-accept").start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** From now on nothing passes, and nothing is closed. */
    public void freeze() {
        frozen = true;
    }

    /** From now on nothing passes, nothing is lost and nothing is closed, until {@link #release()}. */
    public void hold() {
        held = true;
    }

    public void release() {
        held = false;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : sockets) {
            s.close();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return; // close()
            }
            try {
                Socket server = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(server);
                daemon(() -> pump(client, server), "proxy-up").start();
                daemon(() -> pump(server, client), "proxy-down").start();
            } catch (IOException serverDown) {
                // the server is restarting: refuse this client as the server would, and keep accepting
                closeQuietly(client);
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                while (held) {
                    Thread.sleep(20); // what is not read stays in the kernel's buffers, then the sender's
                }
                if (!frozen) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException closed) {
            // either side closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
