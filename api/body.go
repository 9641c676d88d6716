package api

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/gin-gonic/gin"
)

// decodeStrict reads a JSON body, refusing unknown fields and trailing data.
func decodeStrict(c *gin.Context, dst any) error {
	body, err := io.ReadAll(io.LimitReader(c.Request.Body, 1<<20))
	if err != nil {
		return badRequest("无法读取请求内容", "cannot read the request body")
	}
	if len(bytes.TrimSpace(body)) == 0 {
		body = []byte("{}")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return badRequest("请求内容不是有效的 JSON 或含有未知字段："+err.Error(), "the body is not valid JSON for this request: "+err.Error())
	}
	if dec.More() {
		return badRequest("请求内容含有多余数据", "trailing data after the JSON body")
	}
	return nil
}
