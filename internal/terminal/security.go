package terminal

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
)

// Local message security as Adyen's Terminal API local integration does it
// (facts read from Adyen's open-source libraries, NexoCrypto and
// NexoDerivedKeyGenerator in adyen-java-api-library and adyen-node-api-library):
//
//   - 80 bytes of key material from PBKDF2-HMAC-SHA1 over the shared
//     passphrase, salt "AdyenNexoV1Salt", 4000 iterations: the HMAC key
//     (32 bytes), then the AES key (32), then an IV (16);
//   - each message gets a random 16-byte nonce; the CBC IV is that IV XOR the nonce;
//   - NexoBlob is base64(AES-256-CBC with PKCS#7 padding of the JSON message);
//   - SecurityTrailer.Hmac is HMAC-SHA256 of the JSON message (the plaintext).
//
// The salt, count and layout are the protocol's, fixed by the terminal's side:
// they are not choices this code may improve on.
const (
	AdyenCryptoVersion = 1

	derivationSalt       = "AdyenNexoV1Salt"
	derivationIterations = 4000
	hmacKeyLen           = 32
	cipherKeyLen         = 32
	ivLen                = aes.BlockSize
)

// Key is the terminal's shared key: an identifier and version, set on the
// terminal and in the config, and the passphrase, kept in the keyring.
type Key struct {
	Identifier string
	Version    int
	Passphrase string
}

// String names the key without its passphrase, so a key printed by mistake gives nothing away.
func (k Key) String() string { return fmt.Sprintf("%s v%d", k.Identifier, k.Version) }

// GoString is String, for %#v.
func (k Key) GoString() string { return k.String() }

// SecurityTrailer says which key sealed a message, its nonce and its MAC.
// encoding/json writes the two byte slices as standard base64, as Adyen does.
type SecurityTrailer struct {
	AdyenCryptoVersion int    `json:"AdyenCryptoVersion"`
	KeyIdentifier      string `json:"KeyIdentifier"`
	KeyVersion         int    `json:"KeyVersion"`
	Nonce              []byte `json:"Nonce"`
	Hmac               []byte `json:"Hmac"`
}

// SecuredMessage is a sealed nexo message: its header in the clear (so the
// terminal can route it), the sealed whole message, and the trailer.
type SecuredMessage struct {
	MessageHeader   MessageHeader   `json:"MessageHeader"`
	NexoBlob        string          `json:"NexoBlob"`
	SecurityTrailer SecurityTrailer `json:"SecurityTrailer"`
}

// Sealer seals and opens messages with one key. It derives the key material
// once; it is safe for concurrent use.
type Sealer struct {
	identifier string
	version    int
	hmacKey    []byte
	block      cipher.Block
	iv         [ivLen]byte
}

// NewSealer derives the key material of k.
func NewSealer(k Key) (*Sealer, error) {
	if k.Passphrase == "" || k.Identifier == "" || k.Version <= 0 {
		return nil, errors.New("terminal: the key needs a passphrase, an identifier and a version above 0")
	}
	material, err := pbkdf2.Key(sha1.New, k.Passphrase, []byte(derivationSalt), derivationIterations, hmacKeyLen+cipherKeyLen+ivLen)
	if err != nil {
		return nil, fmt.Errorf("terminal: deriving the key: %w", err)
	}
	block, err := aes.NewCipher(material[hmacKeyLen : hmacKeyLen+cipherKeyLen])
	if err != nil {
		return nil, fmt.Errorf("terminal: deriving the key: %w", err)
	}
	s := &Sealer{identifier: k.Identifier, version: k.Version, hmacKey: material[:hmacKeyLen], block: block}
	copy(s.iv[:], material[hmacKeyLen+cipherKeyLen:])
	return s, nil
}

// Seal seals message (a whole nexo JSON document) under header.
func (s *Sealer) Seal(header MessageHeader, message []byte) (SecuredMessage, error) {
	var nonce [ivLen]byte
	if _, err := rand.Read(nonce[:]); err != nil {
		return SecuredMessage{}, fmt.Errorf("terminal: making a nonce: %w", err)
	}
	return s.sealWithNonce(header, message, nonce), nil
}

func (s *Sealer) sealWithNonce(header MessageHeader, message []byte, nonce [ivLen]byte) SecuredMessage {
	pad := aes.BlockSize - len(message)%aes.BlockSize
	padded := make([]byte, len(message)+pad)
	copy(padded, message)
	for i := len(message); i < len(padded); i++ {
		padded[i] = byte(pad)
	}
	iv := s.messageIV(nonce[:])
	cipher.NewCBCEncrypter(s.block, iv[:]).CryptBlocks(padded, padded)
	return SecuredMessage{
		MessageHeader: header,
		NexoBlob:      base64.StdEncoding.EncodeToString(padded),
		SecurityTrailer: SecurityTrailer{
			AdyenCryptoVersion: AdyenCryptoVersion,
			KeyIdentifier:      s.identifier,
			KeyVersion:         s.version,
			Nonce:              nonce[:],
			Hmac:               s.mac(message),
		},
	}
}

// Open checks and opens m. A wrong key, bad padding and a bad MAC all give the
// same ErrSecurity, so an answer's errors tell an attacker nothing (no padding oracle).
func (s *Sealer) Open(m SecuredMessage) ([]byte, error) {
	t := m.SecurityTrailer
	if t.AdyenCryptoVersion != AdyenCryptoVersion || t.KeyIdentifier != s.identifier || t.KeyVersion != s.version {
		return nil, fmt.Errorf("%w: sealed with another key or crypto version", ErrSecurity)
	}
	blob, err := base64.StdEncoding.DecodeString(m.NexoBlob)
	if err != nil || len(t.Nonce) != ivLen || len(blob) == 0 || len(blob)%aes.BlockSize != 0 {
		return nil, ErrSecurity
	}
	iv := s.messageIV(t.Nonce)
	plain := make([]byte, len(blob))
	cipher.NewCBCDecrypter(s.block, iv[:]).CryptBlocks(plain, blob)
	plain, padOK := unpad(plain)
	if !padOK || !hmac.Equal(s.mac(plain), t.Hmac) {
		return nil, ErrSecurity
	}
	return plain, nil
}

func (s *Sealer) messageIV(nonce []byte) [ivLen]byte {
	var iv [ivLen]byte
	subtle.XORBytes(iv[:], s.iv[:], nonce)
	return iv
}

func (s *Sealer) mac(message []byte) []byte {
	h := hmac.New(sha256.New, s.hmacKey)
	h.Write(message)
	return h.Sum(nil)
}

// unpad strips PKCS#7 padding, reporting whether it was well formed.
func unpad(b []byte) ([]byte, bool) {
	n := int(b[len(b)-1])
	if n == 0 || n > aes.BlockSize || n > len(b) {
		return nil, false
	}
	for _, c := range b[len(b)-n:] {
		if int(c) != n {
			return nil, false
		}
	}
	return b[:len(b)-n], true
}
