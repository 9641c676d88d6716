package api

import "github.com/gin-gonic/gin"

// adminRoutes manage agencies, officers, certificates and power items.
func (s *Server) adminRoutes(authed *gin.RouterGroup) {}
