package feeds

import (
	"crypto/sha1"
	"encoding"
	"fmt"
	"io"
	"sort"
	"strings"

	"gongshi/generator/dataset"
)

// identity is what tells this county's feeds and calendars from every other
// county's: a feed reader or calendar that follows two counties must never
// take an entry of one for an entry of the other, and must keep an entry's
// ID from build to build and year to year.
//
// A county name alone is not enough: names repeat across provinces (several
// cities have a 新华区), and every county that starts from
// `gongshi new` or the demo shares one until it is changed. So the identity
// is site.toml's feed_id when it is set (gongshi new writes a random UUID
// there: it stays when townships merge and when the site moves); otherwise
// the site's own address, base_url, when it is absolute (two sites cannot
// share one); otherwise the county name together with its township IDs,
// sorted (codes that a county assigns and keeps, unlike names, which change
// when a 乡 becomes a 镇). Every ID is then a name-based UUID (RFC 4122
// version 5) of the identity and the record's own key, so that IDs carry no
// raw names and have one fixed form.
type identity struct {
	key string
	// prefix is the SHA-1 state after the namespace and the key, so that
	// each ID hashes only its record key (the key of a province names
	// thousands of townships: hashed per ID, it cost gigabytes).
	prefix []byte
}

// countyIdentity returns the identity of a dataset's county.
func countyIdentity(d *dataset.Dataset) identity {
	if d.Site.FeedID != "" {
		return newIdentity("id:" + d.Site.FeedID)
	}
	if d.Site.AbsoluteURL() {
		return newIdentity("url:" + d.Site.BaseURL)
	}
	ids := make([]string, 0, len(d.Townships))
	for _, t := range d.Townships {
		ids = append(ids, t.ID)
	}
	sort.Strings(ids)
	return newIdentity("county:" + d.Site.County + "\x00townships:" + strings.Join(ids, ","))
}

// newIdentity hashes the namespace and the key once.
func newIdentity(key string) identity {
	h := sha1.New()
	h.Write(urlNamespace[:])
	h.Write([]byte("gongshi:" + key + "\x00"))
	state, err := h.(encoding.BinaryMarshaler).MarshalBinary()
	if err != nil {
		panic(err) // crypto/sha1 always can
	}
	return identity{key: key, prefix: state}
}

// urlNamespace is RFC 4122's namespace for names that are URLs (appendix C).
var urlNamespace = [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}

// uuid returns the version-5 UUID of the identity and a record key such as
// "hearing/H1" ("" for the county itself), without the urn:uuid: prefix.
func (id identity) uuid(key string) string {
	h := sha1.New()
	if err := h.(encoding.BinaryUnmarshaler).UnmarshalBinary(id.prefix); err != nil {
		panic(err) // a state MarshalBinary made
	}
	io.WriteString(h, key)
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// urn returns the identity's UUID for a record key as a URN, the form of an
// Atom ID.
func (id identity) urn(key string) string { return "urn:uuid:" + id.uuid(key) }
