package api

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/sheet"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/policies"
)

// mayManage is the import's permission check; an enforcer error is kept
// and reported after the import, never taken as an allow.
type mayManage struct {
	s   *Server
	p   *principal
	err error
}

func (m *mayManage) check(agency string, obj policies.Object) bool {
	if agency == "" {
		return false // the list of every agency is kept by the command line only
	}
	ok, err := m.s.allowed(m.p, agency, obj, casefile.ActManage)
	if err != nil && m.err == nil {
		m.err = err
	}
	return ok && err == nil
}

// importFile reads the uploaded table of the multipart field "file".
func importFile(c *gin.Context) (sheet.Table, error) {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, sheet.MaxBytes+1<<20)
	fh, err := c.FormFile("file")
	if err != nil {
		return sheet.Table{}, badRequest("请以 multipart/form-data 上传文件，字段名 file（.csv 或 .xlsx，最大 10 MiB）",
			"upload the file as multipart/form-data field \"file\" (.csv or .xlsx, at most 10 MiB)")
	}
	f, err := fh.Open()
	if err != nil {
		return sheet.Table{}, badRequest("无法读取上传的文件", "cannot read the uploaded file")
	}
	defer f.Close()
	t, err := sheet.Read(fh.Filename, f)
	if errors.Is(err, sheet.ErrFormat) {
		return t, newError(http.StatusUnprocessableEntity, "invalid_file", "无法读取文件："+err.Error(), "cannot read the file: "+err.Error())
	}
	return t, err
}

// failImport answers a refused import: 422 import_rejected with every row
// error; nothing was imported.
func failImport(c *gin.Context, err error) {
	var ie *store.ImportError
	if !errors.As(err, &ie) {
		fail(c, refusalError(err))
		return
	}
	c.AbortWithStatusJSON(http.StatusUnprocessableEntity, gin.H{"error": gin.H{
		"code":    "import_rejected",
		"message": "导入文件有错误，未导入任何数据 / the file has errors; nothing was imported",
		"rows":    ie.Rows,
	}})
}

func (s *Server) importOfficers(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	t, err := importFile(c)
	if err != nil {
		fail(c, err)
		return
	}
	m := &mayManage{s: s, p: p}
	res, err := s.store.ImportOfficers(ctx, t, store.ImportOptions{By: actor(p), MayManage: m.check})
	if m.err != nil {
		fail(c, m.err)
		return
	}
	if err != nil {
		failImport(c, err)
		return
	}
	if err := s.policyChanged(ctx); err != nil {
		fail(c, err)
		return
	}
	slog.Info("officers imported", "rows", len(t.Rows), "officersCreated", res.OfficersCreated, "by", p.Officer.ID)
	c.JSON(http.StatusOK, res)
}

func (s *Server) importPowerItems(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	t, err := importFile(c)
	if err != nil {
		fail(c, err)
		return
	}
	m := &mayManage{s: s, p: p}
	res, err := s.store.ImportPowerItems(ctx, t, store.ImportOptions{By: actor(p), MayManage: m.check, DefaultAgencyID: p.Officer.AgencyID})
	if m.err != nil {
		fail(c, m.err)
		return
	}
	if err != nil {
		failImport(c, err)
		return
	}
	slog.Info("power items imported", "rows", len(t.Rows), "itemsCreated", res.ItemsCreated, "changesAdded", res.ChangesAdded, "by", p.Officer.ID)
	c.JSON(http.StatusOK, res)
}
