//! TLS to a PostgreSQL server, as libpq's `sslmode` asks, on OpenSSL.
//!
//! postgres-openssl builds its connector with `SslConnector::builder`,
//! which always loads the system's whole CA bundle: 23 ms of every
//! connection on the build machine, more than the rest of a command, and
//! spent even when nothing is verified (`prefer`, `require`). So the
//! context is built here from a bare `SslContext`: the system's roots are
//! loaded only when a certificate is verified and no `sslrootcert` names
//! the roots (then, as libpq does, only that file is trusted). The stream
//! and SCRAM's channel binding (`tls-server-end-point`) are what
//! postgres-openssl does; `differential` below checks both against it.

use std::error::Error;
use std::future::Future;
use std::io;
use std::net::IpAddr;
use std::path::Path;
use std::pin::Pin;
use std::task::{Context, Poll};

use openssl::error::ErrorStack;
use openssl::hash::MessageDigest;
use openssl::nid::Nid;
use openssl::ssl::{
    Ssl, SslContext, SslContextBuilder, SslMethod, SslMode, SslOptions, SslRef, SslVerifyMode,
};
use openssl::x509::X509VerifyResult;
use openssl::x509::verify::X509CheckFlags;
use postgres::Socket;
use postgres::tls::{ChannelBinding, MakeTlsConnect, TlsConnect};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio_openssl::SslStream;

/// What a connection checks of the server's certificate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// Encrypt, check nothing (`prefer`, `require`).
    Nothing,
    /// The chain, to the roots (`verify-ca`).
    Chain,
    /// The chain and that it names the host (`verify-full`).
    ChainAndHost,
}

/// Builds each connection's TLS session from one context.
pub struct Tls {
    ctx: SslContext,
    check: Check,
}

impl Tls {
    /// A context for `check`, trusting `root` (a PEM file of CA
    /// certificates) or, without one, the system's roots.
    pub fn new(check: Check, root: Option<&Path>) -> Result<Tls, ErrorStack> {
        let mut b = SslContextBuilder::new(SslMethod::tls_client())?;
        // What openssl's SslConnector sets beside the roots.
        b.set_options(
            SslOptions::ALL
                | SslOptions::NO_COMPRESSION
                | SslOptions::NO_SSLV2
                | SslOptions::NO_SSLV3,
        );
        b.clear_options(SslOptions::DONT_INSERT_EMPTY_FRAGMENTS);
        b.set_mode(
            SslMode::AUTO_RETRY
                | SslMode::ACCEPT_MOVING_WRITE_BUFFER
                | SslMode::ENABLE_PARTIAL_WRITE,
        );
        b.set_cipher_list(
            "DEFAULT:!aNULL:!eNULL:!MD5:!3DES:!DES:!RC4:!IDEA:!SEED:!aDSS:!SRP:!PSK",
        )?;
        if check == Check::Nothing {
            b.set_verify(SslVerifyMode::NONE);
        } else {
            match root {
                Some(file) => b.set_ca_file(file)?,
                None => b.set_default_verify_paths()?,
            }
            b.set_verify(SslVerifyMode::PEER);
        }
        Ok(Tls {
            ctx: b.build(),
            check,
        })
    }
}

impl MakeTlsConnect<Socket> for Tls {
    type Stream = TlsStream;
    type TlsConnect = Connect;
    type Error = ErrorStack;

    fn make_tls_connect(&mut self, domain: &str) -> Result<Connect, ErrorStack> {
        let mut ssl = Ssl::new(&self.ctx)?;
        let ip = domain.parse::<IpAddr>();
        // Server name indication, for a name only (as openssl's connector).
        if ip.is_err() {
            ssl.set_hostname(domain)?;
        }
        if self.check == Check::ChainAndHost {
            let param = ssl.param_mut();
            param.set_hostflags(X509CheckFlags::NO_PARTIAL_WILDCARDS);
            match ip {
                Ok(ip) => param.set_ip(ip)?,
                Err(_) => param.set_host(domain)?,
            }
        }
        Ok(Connect(ssl))
    }
}

/// One connection's TLS session, before its handshake.
pub struct Connect(Ssl);

impl TlsConnect<Socket> for Connect {
    type Stream = TlsStream;
    type Error = Box<dyn Error + Send + Sync>;
    type Future = Pin<Box<dyn Future<Output = Result<TlsStream, Self::Error>> + Send>>;

    fn connect(self, socket: Socket) -> Self::Future {
        Box::pin(async move {
            let mut stream = SslStream::new(self.0, socket)?;
            match Pin::new(&mut stream).connect().await {
                Ok(()) => Ok(TlsStream(stream)),
                Err(e) => {
                    let verify = stream.ssl().verify_result();
                    // The verification result says why a certificate was
                    // refused; messages look for "certificate verify failed".
                    Err(if verify == X509VerifyResult::OK {
                        e.to_string().into()
                    } else {
                        format!("{e}: {verify}").into()
                    })
                }
            }
        })
    }
}

/// An encrypted connection to the server.
pub struct TlsStream(SslStream<Socket>);

impl AsyncRead for TlsStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_read(cx, buf)
    }
}

impl AsyncWrite for TlsStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.0).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_shutdown(cx)
    }
}

impl postgres::tls::TlsStream for TlsStream {
    fn channel_binding(&self) -> ChannelBinding {
        match server_end_point(self.0.ssl()) {
            Some(hash) => ChannelBinding::tls_server_end_point(hash),
            None => ChannelBinding::none(),
        }
    }
}

/// RFC 5929's `tls-server-end-point`: the server certificate's hash, by its
/// signature's hash algorithm (SHA-256 for MD5 and SHA-1).
fn server_end_point(ssl: &SslRef) -> Option<Vec<u8>> {
    let cert = ssl.peer_certificate()?;
    let algorithms = cert
        .signature_algorithm()
        .object()
        .nid()
        .signature_algorithms()?;
    let md = match algorithms.digest {
        Nid::MD5 | Nid::SHA1 => MessageDigest::sha256(),
        nid => MessageDigest::from_nid(nid)?,
    };
    cert.digest(md).ok().map(|d| d.to_vec())
}

#[cfg(test)]
mod differential;
